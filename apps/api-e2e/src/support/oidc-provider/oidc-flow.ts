import type { TestApi } from '../test-api';
import {
  browserHeaders,
  callback,
  cookiePairs,
  type FlowResult,
} from '../oidc-emulator/microsoft-flow';

export interface OidcFlowOptions {
  /** The Cookie header the browser sends to Rollcall. */
  cookie?: string;
  /** Rewrite the authorize request before the browser follows it to the IdP. */
  tamperAuthorize?: (query: URLSearchParams) => void;
  /** Rewrite the callback query the IdP sent before the browser follows it. */
  tamperCallback?: (query: URLSearchParams) => void;
  /** Leave the state cookie out: the callback arrives in another browser. */
  dropStateCookie?: boolean;
}

export interface OidcFlowResult extends FlowResult {
  callbackUrl: string;
  stateCookie: string;
}

/** The IdP's cookies of one browser (oidc-provider's session and interaction cookies). */
class IdpCookieJar {
  private readonly cookies = new Map<string, string>();

  store(response: Response): void {
    for (const header of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = header.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const expired =
        attributes.some((a) => /^\s*max-age=0\s*$/i.test(a)) ||
        attributes.some((a) => /^\s*expires=thu, 01 jan 1970/i.test(a));
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, pair.slice(eq + 1).trim());
    }
  }

  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

/**
 * A fresh browser through the whole round trip: Rollcall's start URL → the IdP's authorize
 * endpoint → its interaction pages (login and consent, completed by the IdP as the chosen
 * account) → back to Rollcall's callback. The IdP redirects to the configured PUBLIC_URL; the
 * test follows it to the test server's real address.
 */
export async function runOidcFlow(
  api: TestApi,
  startPath: string,
  options: OidcFlowOptions = {},
): Promise<OidcFlowResult> {
  const start = await fetch(`${api.baseUrl}${startPath}`, {
    redirect: 'manual',
    headers: browserHeaders(options.cookie),
  });
  if (start.status !== 302) throw new Error(`start: ${start.status} ${await start.text()}`);
  const stateCookie = cookiePairs(start).find((c) => c.startsWith('rollcall_oidc_state=')) ?? '';
  return finishOidcFlow(api, start.headers.get('location') ?? '', stateCookie, options);
}

/**
 * The rest of a round trip whose start answered with the IdP's authorize URL and the state
 * cookie (a redirect, or the JSON of "Link my account").
 */
export async function finishOidcFlow(
  api: TestApi,
  authorizeUrl: string,
  stateCookie: string,
  options: OidcFlowOptions = {},
): Promise<OidcFlowResult> {
  const authorize = new URL(authorizeUrl);
  options.tamperAuthorize?.(authorize.searchParams);

  const jar = new IdpCookieJar();
  let next = authorize.toString();
  for (let hop = 0; hop < 10; hop++) {
    const url = new URL(next, authorize);
    if (url.origin !== authorize.origin) break;
    const response = await fetch(url, { redirect: 'manual', headers: { Cookie: jar.header() } });
    jar.store(response);
    const location = response.headers.get('location');
    if (response.status < 300 || response.status > 399 || !location) {
      throw new Error(`IdP ${url.pathname}: ${response.status} ${await response.text()}`);
    }
    next = new URL(location, url).toString();
  }
  const back = new URL(next);
  options.tamperCallback?.(back.searchParams);
  const callbackUrl = `${api.baseUrl}${back.pathname}?${back.searchParams.toString()}`;
  const cookie = [options.cookie, options.dropStateCookie ? undefined : stateCookie]
    .filter(Boolean)
    .join('; ');
  return { ...(await callback(callbackUrl, cookie)), callbackUrl, stateCookie };
}
