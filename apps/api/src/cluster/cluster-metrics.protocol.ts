/**
 * The IPC messages of a cluster-wide scrape. The worker that takes `GET /metrics` asks the
 * primary for the cluster's metrics; the primary asks every listening worker for its own
 * registry as JSON, sums them and answers the text. Ids pair each answer with its question, so
 * scrapes that overlap each get their own.
 */

/** A worker asks the primary for the cluster's metrics: `id` is unique in that worker. */
export const CLUSTER_METRICS_REQUEST = 'rollcall:cluster-metrics-request';
/** The primary's answer to it: the exposition text, or why there is none. */
export const CLUSTER_METRICS_ANSWER = 'rollcall:cluster-metrics-answer';
/** The primary asks one worker for its registry: `id` is unique in the primary. */
export const WORKER_METRICS_REQUEST = 'rollcall:worker-metrics-request';
/** That worker's answer: `registry.getMetricsAsJSON()`. */
export const WORKER_METRICS_ANSWER = 'rollcall:worker-metrics-answer';

export interface ClusterMetricsRequest {
  type: typeof CLUSTER_METRICS_REQUEST;
  id: number;
}

export type ClusterMetricsAnswer =
  | { type: typeof CLUSTER_METRICS_ANSWER; id: number; text: string }
  | { type: typeof CLUSTER_METRICS_ANSWER; id: number; error: string };

export interface WorkerMetricsRequest {
  type: typeof WORKER_METRICS_REQUEST;
  id: number;
}

export interface WorkerMetricsAnswer {
  type: typeof WORKER_METRICS_ANSWER;
  id: number;
  /** prom-client's `MetricObjectWithValues` list, as it crossed the IPC channel. */
  metrics: object[];
}

function hasTypeAndId(message: unknown, type: string): message is { type: string; id: number } {
  if (typeof message !== 'object' || message === null) return false;
  const { type: actual, id } = message as { type?: unknown; id?: unknown };
  return actual === type && typeof id === 'number';
}

export function isClusterMetricsRequest(message: unknown): message is ClusterMetricsRequest {
  return hasTypeAndId(message, CLUSTER_METRICS_REQUEST);
}

export function isClusterMetricsAnswer(message: unknown): message is ClusterMetricsAnswer {
  return hasTypeAndId(message, CLUSTER_METRICS_ANSWER);
}

export function isWorkerMetricsRequest(message: unknown): message is WorkerMetricsRequest {
  return hasTypeAndId(message, WORKER_METRICS_REQUEST);
}

export function isWorkerMetricsAnswer(message: unknown): message is WorkerMetricsAnswer {
  return (
    hasTypeAndId(message, WORKER_METRICS_ANSWER) &&
    Array.isArray((message as { metrics?: unknown }).metrics)
  );
}
