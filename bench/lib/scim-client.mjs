const SCIM_JSON = 'application/scim+json';

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
    if (body !== undefined) headers['Content-Type'] = `${SCIM_JSON}; charset=utf-8`;
    const signal = AbortSignal.any([this.signal, AbortSignal.timeout(this.timeoutMs)]);
    const started = performance.now();
    let status;
    let text;
    try {
      const response = await fetch(url, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal,
      });
      status = response.status;
      text = await response.text();
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
