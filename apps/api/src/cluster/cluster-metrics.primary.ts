import type { AggregatorRegistry as PromAggregatorRegistry } from 'prom-client';
import {
  CLUSTER_METRICS_ANSWER,
  WORKER_METRICS_REQUEST,
  isClusterMetricsRequest,
  isWorkerMetricsAnswer,
  type ClusterMetricsAnswer,
  type WorkerMetricsRequest,
} from './cluster-metrics.protocol';

// prom-client's index also loads its exemplar support and with it @opentelemetry/api (about
// 5 MB more in the primary); the module of its cluster support alone has the aggregation.
// The spec runs the real module, so a prom-client that moves it fails there.
const AggregatorRegistry = require('prom-client/lib/cluster') as Pick<
  typeof PromAggregatorRegistry,
  'aggregate'
>;

/** A worker that has not answered by then is left out of that scrape. */
export const WORKER_METRICS_TIMEOUT_MS = 1_000;

/** What the primary needs of a worker here (a cluster `Worker` is one). */
export interface MetricsPeer {
  send(
    message: ClusterMetricsAnswer | WorkerMetricsRequest,
    callback?: (error: Error | null) => void,
  ): boolean;
  isConnected(): boolean;
}

interface Gathering {
  requester: MetricsPeer;
  requestId: number;
  waitingFor: Set<MetricsPeer>;
  answers: object[][];
  timeout: NodeJS.Timeout;
}

// A peer that left between the check and the send: it is simply not heard from.
const ignoreSendError = (): void => undefined;

/**
 * The primary's side of a cluster-wide scrape: asks every worker for its registry, sums what
 * came back within the timeout with prom-client's cluster aggregation, and answers the worker
 * that asked. Each series aggregates as its `aggregator` says: counters, histograms and gauges
 * (the in-flight and queue-length ones included) are summed; of prom-client's default metrics
 * the event-loop lag is averaged (its min and max kept), `nodejs_version_info` is one worker's
 * and `process_start_time_seconds` is left out. Only prom-client is loaded here, never
 * application code.
 */
export class ClusterMetricsGatherer {
  private nextId = 0;
  private readonly gatherings = new Map<number, Gathering>();

  constructor(
    /** The workers to ask: those that listen, as the primary knows them at that moment. */
    private readonly workers: () => readonly MetricsPeer[],
    private readonly timeoutMs = WORKER_METRICS_TIMEOUT_MS,
  ) {}

  /** Every message a worker sends the primary is passed here; others' are ignored. */
  onMessage(from: MetricsPeer, message: unknown): void {
    if (isClusterMetricsRequest(message)) this.gather(from, message.id);
    else if (isWorkerMetricsAnswer(message)) this.answered(from, message.id, message.metrics);
  }

  /** A worker that exited is not waited for. */
  forget(peer: MetricsPeer): void {
    for (const [id, gathering] of this.gatherings) {
      if (gathering.waitingFor.delete(peer) && gathering.waitingFor.size === 0) {
        void this.finish(id);
      }
    }
  }

  private gather(requester: MetricsPeer, requestId: number): void {
    const id = this.nextId;
    this.nextId += 1;
    const peers = this.workers().filter((peer) => peer.isConnected());
    const gathering: Gathering = {
      requester,
      requestId,
      waitingFor: new Set(peers),
      answers: [],
      timeout: setTimeout(() => void this.finish(id), this.timeoutMs),
    };
    this.gatherings.set(id, gathering);
    const request: WorkerMetricsRequest = { type: WORKER_METRICS_REQUEST, id };
    for (const peer of peers) peer.send(request, ignoreSendError);
    if (peers.length === 0) void this.finish(id);
  }

  private answered(from: MetricsPeer, id: number, metrics: object[]): void {
    const gathering = this.gatherings.get(id);
    // Late (past the timeout) or not asked: that scrape has been answered without it.
    if (!gathering?.waitingFor.delete(from)) return;
    gathering.answers.push(metrics);
    if (gathering.waitingFor.size === 0) void this.finish(id);
  }

  private async finish(id: number): Promise<void> {
    const gathering = this.gatherings.get(id);
    if (!gathering) return;
    this.gatherings.delete(id);
    clearTimeout(gathering.timeout);
    const { requester, requestId, answers } = gathering;
    let answer: ClusterMetricsAnswer;
    try {
      const text = await AggregatorRegistry.aggregate(answers).metrics();
      answer = { type: CLUSTER_METRICS_ANSWER, id: requestId, text };
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      answer = { type: CLUSTER_METRICS_ANSWER, id: requestId, error: reason };
    }
    if (requester.isConnected()) requester.send(answer, ignoreSendError);
  }
}
