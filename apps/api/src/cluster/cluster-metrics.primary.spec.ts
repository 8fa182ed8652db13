import { EventEmitter } from 'node:events';
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import { ClusterMetricsGatherer, type MetricsPeer } from './cluster-metrics.primary';
import {
  CLUSTER_METRICS_ANSWER,
  CLUSTER_METRICS_REQUEST,
  WORKER_METRICS_ANSWER,
  WORKER_METRICS_REQUEST,
  type ClusterMetricsAnswer,
  type WorkerMetricsRequest,
} from './cluster-metrics.protocol';

// The primary's side of the protocol against fake workers: each is an EventEmitter that the
// gatherer sends to ('sent'), answering from a real prom-client registry of its own.

type Sent = ClusterMetricsAnswer | WorkerMetricsRequest;

class FakeWorker extends EventEmitter implements MetricsPeer {
  readonly sent: Sent[] = [];
  connected = true;
  readonly registry = new Registry();

  send(message: Sent): boolean {
    this.sent.push(message);
    this.emit('sent', message);
    return true;
  }

  isConnected(): boolean {
    return this.connected;
  }

  answers(): ClusterMetricsAnswer[] {
    return this.sent.filter((m): m is ClusterMetricsAnswer => m.type === CLUSTER_METRICS_ANSWER);
  }

  asked(): WorkerMetricsRequest[] {
    return this.sent.filter((m): m is WorkerMetricsRequest => m.type === WORKER_METRICS_REQUEST);
  }
}

/** Each worker answers the primary's requests from its registry, as a worker process does. */
function answering(gatherer: ClusterMetricsGatherer, worker: FakeWorker): FakeWorker {
  worker.on('sent', (message: Sent) => {
    if (message.type !== WORKER_METRICS_REQUEST) return;
    void worker.registry.getMetricsAsJSON().then((metrics) => {
      gatherer.onMessage(worker, { type: WORKER_METRICS_ANSWER, id: message.id, metrics });
    });
  });
  return worker;
}

function withSeries(worker: FakeWorker, requests: number, inFlight: number, seconds: number[]) {
  const registers = [worker.registry];
  new Counter({
    name: 'http_requests_total',
    help: 'HTTP requests.',
    labelNames: ['route'] as const,
    registers,
  }).inc({ route: '/health' }, requests);
  new Gauge({ name: 'in_flight', help: 'In flight.', registers }).set(inFlight);
  const histogram = new Histogram({
    name: 'duration_seconds',
    help: 'Durations.',
    buckets: [0.1, 1],
    registers,
  });
  for (const value of seconds) histogram.observe(value);
  return worker;
}

function answered(worker: FakeWorker, count = 1): Promise<ClusterMetricsAnswer[]> {
  return new Promise((done) => {
    const check = () => {
      if (worker.answers().length < count) return;
      worker.off('sent', check);
      done(worker.answers());
    };
    worker.on('sent', check);
    check();
  });
}

const scrape = (id: number) => ({ type: CLUSTER_METRICS_REQUEST, id });
const textOf = (answer: ClusterMetricsAnswer | undefined) =>
  answer && 'text' in answer ? answer.text : `no text: ${JSON.stringify(answer)}`;

describe('ClusterMetricsGatherer', () => {
  it('answers the worker that asked with the sum over every worker, under its request id', async () => {
    const workers: FakeWorker[] = [];
    const gatherer = new ClusterMetricsGatherer(() => workers, 1_000);
    workers.push(
      answering(gatherer, withSeries(new FakeWorker(), 3, 1, [0.05, 0.5])),
      answering(gatherer, withSeries(new FakeWorker(), 4, 2, [2])),
    );
    const [first, second] = workers as [FakeWorker, FakeWorker];
    gatherer.onMessage(second, scrape(7));
    const [answer] = await answered(second);
    expect(answer?.id).toBe(7);
    const text = textOf(answer);
    expect(text).toContain('http_requests_total{route="/health"} 7\n');
    expect(text).toContain('in_flight 3\n');
    expect(text).toContain('duration_seconds_bucket{le="0.1"} 1\n');
    expect(text).toContain('duration_seconds_bucket{le="1"} 2\n');
    expect(text).toContain('duration_seconds_bucket{le="+Inf"} 3\n');
    expect(text).toContain('duration_seconds_sum 2.55\n');
    expect(text).toContain('duration_seconds_count 3\n');
    expect(text).toContain('# TYPE http_requests_total counter\n');
    expect(first.answers()).toEqual([]);
    expect(first.asked()).toHaveLength(1);
  });

  it('aggregates the default metrics as prom-client does for a cluster', async () => {
    const workers: FakeWorker[] = [];
    const gatherer = new ClusterMetricsGatherer(() => workers, 1_000);
    for (const start of [100, 300]) {
      const worker = answering(gatherer, new FakeWorker());
      const registers = [worker.registry];
      new Gauge({
        name: 'process_start_time_seconds',
        help: 'Start.',
        registers,
        aggregator: 'omit',
      }).set(start);
      new Gauge({
        name: 'nodejs_version_info',
        help: 'Version.',
        registers,
        aggregator: 'first',
      }).set(1);
      new Gauge({
        name: 'nodejs_eventloop_lag_seconds',
        help: 'Lag.',
        registers,
        aggregator: 'average',
      }).set(start / 1000);
      workers.push(worker);
    }
    gatherer.onMessage(workers[0] as FakeWorker, scrape(0));
    const text = textOf((await answered(workers[0] as FakeWorker))[0]);
    expect(text).not.toContain('process_start_time_seconds');
    expect(text).toContain('nodejs_version_info 1\n');
    expect(text).toContain('nodejs_eventloop_lag_seconds 0.2\n');
  });

  it('leaves out a worker that does not answer in time, and ignores its late answer', async () => {
    const silent = withSeries(new FakeWorker(), 100, 0, []);
    const workers: FakeWorker[] = [silent];
    const gatherer = new ClusterMetricsGatherer(() => workers, 50);
    const asking = answering(gatherer, withSeries(new FakeWorker(), 2, 0, []));
    workers.push(asking);
    const started = Date.now();
    gatherer.onMessage(asking, scrape(1));
    const [answer] = await answered(asking);
    expect(Date.now() - started).toBeGreaterThanOrEqual(45);
    expect(textOf(answer)).toContain('http_requests_total{route="/health"} 2\n');
    const [late] = silent.asked();
    gatherer.onMessage(silent, {
      type: WORKER_METRICS_ANSWER,
      id: late?.id,
      metrics: await silent.registry.getMetricsAsJSON(),
    });
    await new Promise((done) => setTimeout(done, 20));
    expect(asking.answers()).toHaveLength(1);
  });

  it('does not wait for a worker that exits, nor ask one that is disconnected', async () => {
    const leaving = withSeries(new FakeWorker(), 100, 0, []);
    const gone = withSeries(new FakeWorker(), 1000, 0, []);
    gone.connected = false;
    const workers: FakeWorker[] = [leaving, gone];
    const gatherer = new ClusterMetricsGatherer(() => workers, 60_000);
    const asking = answering(gatherer, withSeries(new FakeWorker(), 5, 0, []));
    workers.push(asking);
    gatherer.onMessage(asking, scrape(3));
    expect(gone.asked()).toEqual([]);
    gatherer.forget(leaving);
    const [answer] = await answered(asking);
    expect(textOf(answer)).toContain('http_requests_total{route="/health"} 5\n');
  });

  it('gives scrapes that overlap each their own answer', async () => {
    const a = withSeries(new FakeWorker(), 1, 0, []);
    const b = withSeries(new FakeWorker(), 10, 0, []);
    const gatherer = new ClusterMetricsGatherer(() => [a, b], 1_000);
    gatherer.onMessage(a, scrape(0));
    gatherer.onMessage(b, scrape(0));
    gatherer.onMessage(a, scrape(1));
    const requests = [...a.asked(), ...b.asked()];
    expect(new Set(requests.map((request) => request.id)).size).toBe(3);
    // Answered in reverse order, each worker answering each of the three requests.
    for (const request of [...a.asked()].reverse()) {
      for (const worker of [b, a]) {
        gatherer.onMessage(worker, {
          type: WORKER_METRICS_ANSWER,
          id: request.id,
          metrics: await worker.registry.getMetricsAsJSON(),
        });
      }
    }
    const answersOfA = await answered(a, 2);
    const answersOfB = await answered(b, 1);
    expect(answersOfA.map((answer) => answer.id).sort()).toEqual([0, 1]);
    expect(answersOfB.map((answer) => answer.id)).toEqual([0]);
    for (const answer of [...answersOfA, ...answersOfB]) {
      expect(textOf(answer)).toContain('http_requests_total{route="/health"} 11\n');
    }
  });

  it('answers an empty scrape when no worker listens, and none to a worker gone meanwhile', async () => {
    const asking = new FakeWorker();
    const gatherer = new ClusterMetricsGatherer(() => [], 1_000);
    gatherer.onMessage(asking, scrape(4));
    expect(await answered(asking)).toEqual([{ type: CLUSTER_METRICS_ANSWER, id: 4, text: '\n' }]);

    const leaving = withSeries(new FakeWorker(), 1, 0, []);
    const other = new ClusterMetricsGatherer(() => [leaving], 1_000);
    other.onMessage(leaving, scrape(5));
    leaving.connected = false;
    other.forget(leaving);
    await new Promise((done) => setTimeout(done, 20));
    expect(leaving.answers()).toEqual([]);
  });

  it('ignores messages that are not its own, and answers from workers it did not ask', async () => {
    const worker = withSeries(new FakeWorker(), 1, 0, []);
    const stranger = withSeries(new FakeWorker(), 50, 0, []);
    const gatherer = new ClusterMetricsGatherer(() => [worker], 1_000);
    gatherer.onMessage(worker, 'rollcall:first-start');
    gatherer.onMessage(worker, { type: CLUSTER_METRICS_REQUEST, id: 'x' });
    expect(worker.sent).toEqual([]);
    gatherer.onMessage(worker, scrape(9));
    const [request] = worker.asked();
    const answer = { type: WORKER_METRICS_ANSWER, id: request?.id };
    gatherer.onMessage(stranger, {
      ...answer,
      metrics: await stranger.registry.getMetricsAsJSON(),
    });
    gatherer.onMessage(worker, {
      ...answer,
      metrics: await worker.registry.getMetricsAsJSON(),
    });
    expect(textOf((await answered(worker))[0])).toContain(
      'http_requests_total{route="/health"} 1\n',
    );
  });
});
