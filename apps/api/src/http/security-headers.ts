import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet from 'helmet';

type HelmetOptions = Parameters<typeof helmet>[0];
type Handler = (
  request: IncomingMessage,
  response: ServerResponse,
  next: (error?: unknown) => void,
) => void;

interface HeaderPlan {
  set: [name: string, value: string | number | readonly string[]][];
  removed: string[];
}

/**
 * Runs the configured helmet against a stub exchange and records what it did to the
 * response. The stub request throws on any read, the stub response has nothing but the two
 * header calls: an option that depends on the exchange (a CSP nonce function) makes the plan
 * unknowable, and the caller keeps helmet itself.
 */
function planOf(middleware: Handler): HeaderPlan | undefined {
  const plan: HeaderPlan = { set: [], removed: [] };
  let readRequest = false;
  const request = new Proxy({} as IncomingMessage, {
    get() {
      readRequest = true;
      throw new Error('helmet read the request');
    },
  });
  const response = {
    setHeader(name: string, value: string | number | readonly string[]) {
      plan.set.push([name, value]);
      return response;
    },
    removeHeader(name: string) {
      plan.removed.push(name);
    },
  } as unknown as ServerResponse;
  let finished = false;
  try {
    middleware(request, response, (error?: unknown) => {
      finished = error === undefined;
    });
  } catch {
    return undefined;
  }
  return finished && !readRequest ? plan : undefined;
}

/**
 * helmet's headers, computed once at start-up: for our options they depend on nothing in the
 * request, so one middleware replays them instead of helmet's chain of a dozen per request.
 * Headers are set in helmet's order with helmet's values; a header helmet removes
 * (X-Powered-By) is removed here too.
 */
export function securityHeaders(options: HelmetOptions): Handler {
  const middleware = helmet(options) as unknown as Handler;
  const plan = planOf(middleware);
  // Two runs that differ (a nonce that reads neither request nor response) also keep helmet.
  if (!plan || JSON.stringify(plan) !== JSON.stringify(planOf(middleware))) return middleware;
  const { set, removed } = plan;
  return (_request, response, next) => {
    for (const name of removed) response.removeHeader(name);
    for (const [name, value] of set) response.setHeader(name, value);
    next();
  };
}
