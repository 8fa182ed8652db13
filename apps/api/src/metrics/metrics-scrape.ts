import cluster from 'node:cluster';
import {
  Injectable,
  ServiceUnavailableException,
  type OnModuleDestroy,
  type OnModuleInit,
} from '@nestjs/common';
import {
  CLUSTER_METRICS_REQUEST,
  WORKER_METRICS_ANSWER,
  isClusterMetricsAnswer,
  isWorkerMetricsRequest,
  type ClusterMetricsAnswer,
  type ClusterMetricsRequest,
  type WorkerMetricsAnswer,
} from '../cluster/cluster-metrics.protocol';
import { HttpMetrics } from './http-metrics';

/** The primary answers within about a second; past this it is taken to be gone. */
const PRIMARY_ANSWER_TIMEOUT_MS = 5_000;

interface PendingScrape {
  resolve(text: string): void;
  reject(error: Error): void;
  timeout: NodeJS.Timeout;
}

/**
 * What a scrape answers. A single process (or an app in a test) answers its own registry. A
 * cluster worker answers the cluster's: it asks the primary, which sums every worker's
 * registry, and it gives the primary its own registry when asked. So successive scrapes read
 * the same series whichever worker takes them, as Prometheus's `rate()` needs.
 */
@Injectable()
export class MetricsScrape implements OnModuleInit, OnModuleDestroy {
  private readonly clustered = cluster.isWorker && process.send !== undefined;
  private nextId = 0;
  private readonly pending = new Map<number, PendingScrape>();
  private readonly onMessage = (message: unknown): void => {
    if (isWorkerMetricsRequest(message)) void this.giveOwn(message.id);
    else if (isClusterMetricsAnswer(message)) this.settle(message);
  };

  constructor(private readonly metrics: HttpMetrics) {}

  onModuleInit(): void {
    if (this.clustered) process.on('message', this.onMessage);
  }

  onModuleDestroy(): void {
    process.off('message', this.onMessage);
    for (const [id, scrape] of this.pending) {
      clearTimeout(scrape.timeout);
      scrape.reject(new ServiceUnavailableException('The server is stopping.'));
      this.pending.delete(id);
    }
  }

  /** The exposition text: this process's, or under a cluster the sum over its workers. */
  text(): Promise<string> {
    return this.clustered ? this.askPrimary() : this.metrics.registry.metrics();
  }

  private askPrimary(): Promise<string> {
    const id = this.nextId;
    this.nextId += 1;
    return new Promise<string>((resolve, reject) => {
      const fail = (reason: string) => {
        const scrape = this.pending.get(id);
        if (!scrape) return;
        this.pending.delete(id);
        clearTimeout(scrape.timeout);
        reject(
          new ServiceUnavailableException(`The cluster's metrics are unavailable: ${reason}.`),
        );
      };
      const timeout = setTimeout(
        () => fail(`the primary did not answer within ${PRIMARY_ANSWER_TIMEOUT_MS} ms`),
        PRIMARY_ANSWER_TIMEOUT_MS,
      );
      this.pending.set(id, { resolve, reject, timeout });
      const request: ClusterMetricsRequest = { type: CLUSTER_METRICS_REQUEST, id };
      if (!process.connected) {
        fail('the primary is gone');
        return;
      }
      process.send?.(request, undefined, undefined, (error: Error | null) => {
        if (error) fail(error.message);
      });
    });
  }

  private settle(answer: ClusterMetricsAnswer): void {
    const scrape = this.pending.get(answer.id);
    if (!scrape) return;
    this.pending.delete(answer.id);
    clearTimeout(scrape.timeout);
    if ('text' in answer) scrape.resolve(answer.text);
    else
      scrape.reject(
        new ServiceUnavailableException(`The cluster's metrics are unavailable: ${answer.error}.`),
      );
  }

  private async giveOwn(id: number): Promise<void> {
    // One that cannot be read is not answered: the primary leaves this worker out.
    const metrics = await this.metrics.registry.getMetricsAsJSON().catch(() => undefined);
    if (!metrics || !process.connected) return;
    const answer: WorkerMetricsAnswer = { type: WORKER_METRICS_ANSWER, id, metrics };
    process.send?.(answer, undefined, undefined, () => undefined);
  }
}
