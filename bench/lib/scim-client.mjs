import { Agent, request as httpRequest } from 'node:http';

const SCIM_JSON = 'application/scim+json';

class RequestTimeoutError extends Error {
  name = 'TimeoutError';
}

/**
 * One HTTP exchange on a keep-alive connection: node:http rather than fetch, whose per-request
 * signals, streams and promises cost the load generator several times the CPU. The bench
 * shares the machine with the api, so every millisecond it spends is one the api cannot.
 */
function exchange(agent, url, { method, headers, body, timeoutMs, signal }) {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { agent, method, headers }, (res) => {
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode, text: Buffer.concat(chunks).toString() }),
      );
      res.on('error', reject);
    });
    const onAbort = () => req.destroy(signal.reason ?? new Error('aborted'));
    signal.addEventListener('abort', onAbort, { once: true });
    req.setTimeout(timeoutMs, () =>
      req.destroy(new RequestTimeoutError(`timeout after ${timeoutMs} ms`)),
    );
    req.on('error', reject);
    req.on('close', () => signal.removeEventListener('abort', onAbort));
    req.end(body);
  });
}

/**
 * Minimal SCIM HTTP client that times each request (send → full body read) with
 * performance.now() and records it on the phase. It never throws for a failed request:
 * an unexpected status, a transport error or a failed `check` becomes an error on the
 * phase, and the caller gets `{ ok: false }` to decide what to skip next.
 */
export class ScimClient {
  constructor({ baseUrl, token, timeoutMs, signal }) {
    this.baseUrl = baseUrl.replace(/\/+$/, '');
    this.token = token;
    this.timeoutMs = timeoutMs;
    this.signal = signal;
    this.agent = new Agent({ keepAlive: true, maxSockets: 512 });
  }

  /**
   * @param phase   PhaseRecorder
   * @param op      row name in the report, e.g. "GET /Users?filter=userName"
   * @param expect  expected HTTP status, or a list of acceptable ones
   * @param check   optional (json) => string | undefined: a message when the body is wrong
   */
  async request(phase, { op, method, path, body, expect, check }) {
    const url = `${this.baseUrl}${path}`;
    const headers = { Authorization: `Bearer ${this.token}`, Accept: SCIM_JSON };
    const payload = body === undefined ? undefined : JSON.stringify(body);
    if (payload !== undefined) {
      headers['Content-Type'] = `${SCIM_JSON}; charset=utf-8`;
      headers['Content-Length'] = Buffer.byteLength(payload);
    }
    const started = performance.now();
    let status;
    let text;
    try {
      ({ status, text } = await exchange(this.agent, url, {
        method,
        headers,
        body: payload,
        timeoutMs: this.timeoutMs,
        signal: this.signal,
      }));
    } catch (error) {
      // Our own stop (Ctrl-C, the api died): not the server's answer, so neither counted
      // nor timed; the run reports why it stopped.
      if (this.signal.aborted) return { ok: false, aborted: true };
      phase.record(op);
      const reason =
        error.name === 'TimeoutError' ? `timeout after ${this.timeoutMs} ms` : describe(error);
      phase.error(op, `${method} ${path} → ${reason}`);
      return { ok: false };
    }
    phase.record(op, performance.now() - started);
    const expected = Array.isArray(expect) ? expect : [expect];
    if (!expected.includes(status)) {
      phase.error(
        op,
        `${method} ${path} → ${status} (expected ${expected.join('/')}): ${text.slice(0, 300)}`,
      );
      return { ok: false, status, text };
    }
    let json;
    if (text.length > 0) {
      try {
        json = JSON.parse(text);
      } catch {
        phase.error(
          op,
          `${method} ${path} → ${status} with a body that is not JSON: ${text.slice(0, 200)}`,
        );
        return { ok: false, status, text };
      }
    }
    const problem = check?.(json);
    if (problem) {
      phase.error(op, `${method} ${path} → ${status} but ${problem}`);
      return { ok: false, status, json };
    }
    return { ok: true, status, json };
  }
}

function describe(error) {
  const cause = error.cause?.code ?? error.cause?.message;
  return cause ? `${error.message} (${cause})` : error.message;
}
