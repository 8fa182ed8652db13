import http from 'node:http';
import https from 'node:https';
import { Inject, Injectable } from '@nestjs/common';
import { OutboundError, OutboundHttp, outboundUrl } from '@rollcall/outbound';
import { WEBHOOK_DELIVERY_OPTIONS, type WebhookDeliveryOptions } from '../webhooks.options';
import type { WebhookAttemptOutcome } from './webhook-delivery.stats';

/** Bytes of the receiver's answer read at most: enough for an admin to see what it said. */
const MAX_READ_BYTES = 4 * 1024;
const MAX_SNIPPET_CHARS = 1_000;

// Why no response came, as stored with the attempt (and read by attemptOutcomeOf).
const TIMED_OUT = 'timeout';
const REFUSED_BY_POLICY = 'refused by policy';
const INVALID_URL = 'invalid URL';

/** What a POST to a receiver came to. */
export interface SendResult {
  /** null when no response came. */
  responseStatus: number | null;
  /** Why no response came: `timeout`, `refused by policy`, `network (ECONNREFUSED)`… */
  error: string | null;
  responseSnippet: string | null;
  durationMs: number;
}

/**
 * POSTs one signed delivery through the outbound policy's agents (the address is checked
 * when the socket connects, so DNS rebinding cannot reach the private network), with no
 * redirects followed (a 3xx is a failed attempt), a time cap, and at most 4 KiB read back.
 */
@Injectable()
export class WebhookSender {
  private readonly outbound: OutboundHttp;

  constructor(
    outbound: OutboundHttp,
    @Inject(WEBHOOK_DELIVERY_OPTIONS) private readonly options: WebhookDeliveryOptions,
  ) {
    // The operator's policy, with the webhook's own time cap per connection.
    this.outbound = new OutboundHttp({ ...outbound.policy, timeoutMs: options.timeoutMs });
  }

  send(target: string, headers: Record<string, string>, body: string): Promise<SendResult> {
    const started = performance.now();
    const elapsed = () => performance.now() - started;
    let url: URL;
    try {
      url = outboundUrl(target);
    } catch {
      return Promise.resolve({
        responseStatus: null,
        error: INVALID_URL,
        responseSnippet: null,
        durationMs: 0,
      });
    }
    return new Promise((resolve) => {
      let settled = false;
      const finish = (result: Omit<SendResult, 'durationMs'>) => {
        if (settled) return;
        settled = true;
        clearTimeout(deadline);
        resolve({ ...result, durationMs: elapsed() });
      };
      const fail = (error: unknown) =>
        finish({ responseStatus: null, error: describe(error), responseSnippet: null });
      const request = (url.protocol === 'https:' ? https : http).request(
        url,
        {
          method: 'POST',
          agent: this.outbound.agentFor(url),
          headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
          timeout: this.options.timeoutMs,
        },
        (response) => {
          const status = response.statusCode ?? 0;
          const chunks: Buffer[] = [];
          let size = 0;
          const done = () => {
            const snippet = Buffer.concat(chunks).subarray(0, MAX_READ_BYTES).toString('utf8');
            finish({
              responseStatus: status,
              error: null,
              responseSnippet: snippet ? snippet.slice(0, MAX_SNIPPET_CHARS) : null,
            });
            response.destroy();
          };
          response.on('data', (chunk: Buffer) => {
            chunks.push(chunk);
            size += chunk.length;
            if (size >= MAX_READ_BYTES) done();
          });
          response.on('end', done);
          // The status is in: a body cut short does not change the outcome.
          response.on('error', done);
          response.on('aborted', done);
        },
      );
      // Name resolution is not covered by the connection's own cap.
      const deadline = setTimeout(
        () => request.destroy(new OutboundError('TIMEOUT', 'the attempt took too long')),
        this.options.timeoutMs,
      );
      request.on('timeout', () =>
        request.destroy(new OutboundError('TIMEOUT', 'the receiver took too long')),
      );
      request.on('error', fail);
      request.end(body);
    });
  }
}

/** A short, safe description: no host names, addresses or bodies of the other side. */
function describe(error: unknown): string {
  if (error instanceof OutboundError) {
    switch (error.code) {
      case 'TIMEOUT':
        return TIMED_OUT;
      case 'ADDRESS_RESTRICTED':
        return REFUSED_BY_POLICY;
      case 'URL_INVALID':
        return INVALID_URL;
      case 'RESPONSE_TOO_LARGE':
        return 'response too large';
      case 'REDIRECT_REFUSED':
      case 'RESPONSE_STATUS':
      case 'RESPONSE_INVALID':
      case 'NETWORK':
        return 'network';
    }
  }
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[A-Z_]{3,32}$/.test(code) ? `network (${code})` : 'network';
}

/**
 * How a POST to a receiver ended, for /metrics: by the status of the answer, else by why none
 * came. A URL the outbound rules do not accept is refused before any connection, as a
 * restricted address is.
 */
export function attemptOutcomeOf(result: SendResult): WebhookAttemptOutcome {
  const status = result.responseStatus;
  if (status !== null) return status >= 200 && status < 300 ? 'delivered' : 'http_error';
  if (result.error === TIMED_OUT) return 'timeout';
  if (result.error === REFUSED_BY_POLICY || result.error === INVALID_URL) return 'refused';
  return 'network_error';
}
