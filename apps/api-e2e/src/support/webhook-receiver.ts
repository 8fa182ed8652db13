import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request a receiver got: the headers and the raw body, as a verifier needs them. */
export interface Receipt {
  path: string;
  headers: Record<string, string>;
  body: string;
  /** The parsed body (an EventView). */
  event: { id: string; type: string; sequence: number; data: Record<string, unknown> };
  /** The status it was answered with. */
  status: number;
}

/** How a path answers: a status (and body), after an optional hold. */
export type ReceiverAnswer = (receipt: Omit<Receipt, 'status'>, seen: number) => number;

/**
 * Real HTTP receivers on loopback, in the test process: every path (`/a`, `/b`…) is one
 * receiver, answering 200 unless told otherwise, and recording what it got.
 */
export class WebhookReceiver {
  readonly receipts: Receipt[] = [];
  private readonly answers = new Map<string, ReceiverAnswer>();
  private readonly held = new Set<http.ServerResponse>();
  private holding = false;

  private constructor(
    private readonly server: http.Server,
    readonly baseUrl: string,
  ) {}

  static async start(): Promise<WebhookReceiver> {
    const server = http.createServer();
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const { port } = server.address() as AddressInfo;
    const receiver = new WebhookReceiver(server, `http://127.0.0.1:${port}`);
    server.on('request', (request, response) => receiver.handle(request, response));
    return receiver;
  }

  url(path: string): string {
    return `${this.baseUrl}${path}`;
  }

  answer(path: string, answer: ReceiverAnswer): void {
    this.answers.set(path, answer);
  }

  /** Requests get no answer until `release()` (a receiver stalling mid-delivery). */
  hold(): void {
    this.holding = true;
  }

  release(): void {
    this.holding = false;
    for (const response of this.held) response.writeHead(200).end('released');
    this.held.clear();
  }

  at(path: string, status?: number): Receipt[] {
    return this.receipts.filter(
      (r) => r.path === path && (status === undefined || r.status === status),
    );
  }

  async stop(): Promise<void> {
    this.release();
    this.server.closeAllConnections();
    this.server.close();
    await once(this.server, 'close');
  }

  private handle(request: http.IncomingMessage, response: http.ServerResponse): void {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const headers = Object.fromEntries(
        Object.entries(request.headers).map(([name, value]) => [name, String(value)]),
      );
      const path = request.url ?? '/';
      let event: Receipt['event'];
      try {
        event = JSON.parse(body) as Receipt['event'];
      } catch {
        event = { id: '', type: '', sequence: -1, data: {} };
      }
      const partial = { path, headers, body, event };
      if (this.holding) {
        this.receipts.push({ ...partial, status: 0 });
        this.held.add(response);
        response.once('close', () => this.held.delete(response));
        return;
      }
      const seen = this.receipts.filter((r) => r.path === path).length;
      const status = this.answers.get(path)?.(partial, seen) ?? 200;
      this.receipts.push({ ...partial, status });
      response.writeHead(status, { 'content-type': 'text/plain' }).end(`answered ${status}`);
    });
  }
}

/** Polls `check` until it holds (or throws the last failure after `timeoutMs`). */
export async function eventually<T>(check: () => T | Promise<T>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
}
