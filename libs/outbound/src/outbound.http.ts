import http from 'node:http';
import https from 'node:https';
import { isIP, type Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { restrictedRange } from './address.policy';
import { guardedLookup, systemResolver, type Resolver } from './guarded.lookup';
import { OutboundError } from './outbound.error';

export interface OutboundPolicy {
  /** Development and tests only: loopback and private addresses may be fetched. */
  allowPrivateNetwork: boolean;
  /** Bytes read from one connection at most (headers included). Default 1 MiB. */
  maxResponseBytes?: number;
  /** Milliseconds one connection may live, from connect to the last byte. Default 5 s. */
  timeoutMs?: number;
  /** Name resolution; tests pass a table. */
  resolver?: Resolver;
}

export const DEFAULT_MAX_RESPONSE_BYTES = 1024 * 1024;
export const DEFAULT_TIMEOUT_MS = 5_000;

type ConnectionCallback = (err: Error | null, stream: Duplex) => void;

interface Guard {
  check(options: http.ClientRequestArgs): OutboundError | null;
  lookup: ReturnType<typeof guardedLookup> | undefined;
  capped(socket: Duplex): Duplex;
}

/**
 * Every fetch Rollcall makes on an admin's or an identity provider's say (OIDC discovery,
 * token and userinfo endpoints, JWKS, metadata, webhooks) goes through these agents:
 *
 * - the address is checked when the socket connects (IP literals before connecting, names in
 *   the socket's `lookup`), so DNS rebinding between a check and the fetch cannot slip by;
 * - every connection is capped in bytes and in time, whatever client library drives it;
 * - one connection per request (no keep-alive), so the caps are per response.
 *
 * Redirects are the client's business: `getJson` refuses them; openid-client and jose never
 * follow them.
 */
export class OutboundHttp {
  readonly httpAgent: http.Agent;
  readonly httpsAgent: https.Agent;
  readonly maxResponseBytes: number;
  readonly timeoutMs: number;

  constructor(readonly policy: OutboundPolicy) {
    this.maxResponseBytes = policy.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
    this.timeoutMs = policy.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const guard = this.guard();
    this.httpAgent = new GuardedHttpAgent(guard);
    this.httpsAgent = new GuardedHttpsAgent(guard);
  }

  agentFor(url: string | URL): http.Agent {
    return new URL(url).protocol === 'https:' ? this.httpsAgent : this.httpAgent;
  }

  /**
   * GETs a JSON document: 200 only, no redirects, at most `maxResponseBytes`, within
   * `timeoutMs`. Every failure is an OutboundError whose message holds none of the body.
   */
  async getJson(target: string): Promise<unknown> {
    const text = await this.getText(target, 'application/json');
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw new OutboundError('RESPONSE_INVALID', `${outboundUrl(target).origin} sent no JSON`);
    }
  }

  /** GETs a document as UTF-8 text (SAML metadata, say) under the same rules as `getJson`. */
  async getText(target: string, accept: string): Promise<string> {
    const url = outboundUrl(target);
    return new Promise((resolve, reject) => {
      const fail = (error: unknown) =>
        reject(
          error instanceof OutboundError
            ? error
            : new OutboundError('NETWORK', `GET ${url.origin} failed: ${errorCode(error)}`),
        );
      const request = (url.protocol === 'https:' ? https : http).get(
        url,
        {
          agent: this.agentFor(url),
          headers: { accept, 'accept-encoding': 'identity' },
          timeout: this.timeoutMs,
        },
        (response) => {
          const status = response.statusCode ?? 0;
          if (status >= 300 && status < 400) {
            response.destroy();
            return fail(new OutboundError('REDIRECT_REFUSED', `${url.origin} redirected`));
          }
          if (status !== 200) {
            response.destroy();
            return fail(new OutboundError('RESPONSE_STATUS', `${url.origin} answered ${status}`));
          }
          const declared = Number(response.headers['content-length']);
          if (declared > this.maxResponseBytes) {
            response.destroy();
            return fail(tooLarge(url));
          }
          const chunks: Buffer[] = [];
          let size = 0;
          response.on('data', (chunk: Buffer) => {
            size += chunk.length;
            if (size > this.maxResponseBytes) {
              response.destroy(tooLarge(url));
              return;
            }
            chunks.push(chunk);
          });
          response.on('error', fail);
          response.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
        },
      );
      request.on('timeout', () =>
        request.destroy(new OutboundError('TIMEOUT', `${url.origin} timed out`)),
      );
      request.on('error', fail);
    });
  }

  private guard(): Guard {
    const { allowPrivateNetwork } = this.policy;
    const maxBytes = this.maxResponseBytes;
    const timeoutMs = this.timeoutMs;
    return {
      check(options) {
        if (allowPrivateNetwork) return null;
        const host = (options.host ?? options.hostname ?? '').replace(/^\[|\]$/g, '');
        if (isIP(host) && restrictedRange(host) !== null) {
          return new OutboundError('ADDRESS_RESTRICTED', `${host} is ${restrictedRange(host)}`);
        }
        return null;
      },
      lookup: allowPrivateNetwork
        ? undefined
        : guardedLookup(this.policy.resolver ?? systemResolver),
      capped(socket) {
        let received = 0;
        const timer = setTimeout(
          () => socket.destroy(new OutboundError('TIMEOUT', 'the connection took too long')),
          timeoutMs,
        );
        timer.unref();
        socket.on('data', (chunk: Buffer) => {
          received += chunk.length;
          if (received > maxBytes) {
            socket.destroy(new OutboundError('RESPONSE_TOO_LARGE', 'the response is too large'));
          }
        });
        socket.once('close', () => clearTimeout(timer));
        return socket;
      },
    };
  }
}

/** http(s) only, no user-info: anything else is refused before a socket exists. */
export function outboundUrl(target: string): URL {
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    throw new OutboundError('URL_INVALID', 'not a URL');
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.username || url.password) {
    throw new OutboundError('URL_INVALID', 'not an http(s) URL without credentials');
  }
  return url;
}

function tooLarge(url: URL): OutboundError {
  return new OutboundError('RESPONSE_TOO_LARGE', `${url.origin} sent too large a response`);
}

function errorCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : 'network error';
}

function connect(
  guard: Guard,
  options: http.ClientRequestArgs,
  callback: ConnectionCallback | undefined,
  create: (options: http.ClientRequestArgs) => Duplex,
): Duplex | undefined {
  const refused = guard.check(options);
  if (refused) {
    // The agent waits for the callback when nothing is returned: no socket is ever opened.
    process.nextTick(() => callback?.(refused, undefined as unknown as Duplex));
    return undefined;
  }
  const socket = create(guard.lookup ? { ...options, lookup: guard.lookup } : options);
  return guard.capped(socket);
}

class GuardedHttpAgent extends http.Agent {
  constructor(private readonly guard: Guard) {
    super({ keepAlive: false });
  }

  override createConnection(
    options: http.ClientRequestArgs,
    callback?: ConnectionCallback,
  ): Duplex | undefined {
    return connect(this.guard, options, callback, (o) => super.createConnection(o) as Socket);
  }
}

class GuardedHttpsAgent extends https.Agent {
  constructor(private readonly guard: Guard) {
    super({ keepAlive: false });
  }

  override createConnection(
    options: http.ClientRequestArgs,
    callback?: ConnectionCallback,
  ): Duplex | undefined {
    return connect(this.guard, options, callback, (o) => super.createConnection(o) as Socket);
  }
}
