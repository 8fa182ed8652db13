import type { TestApi } from '../test-api';
import type { EntraEmulator } from './entra-emulator';

/** Where a round trip ended: the redirect Rollcall answered the callback with. */
export interface FlowResult {
  status: number;
  location: string;
  setCookies: string[];
}

export interface FlowOptions {
  /** The Cookie header the browser sends to Rollcall (an admin session, say). */
  cookie?: string;
  /** Rewrite the callback query Microsoft sent before the browser follows it. */
  tamperCallback?: (query: URLSearchParams) => void;
  /** Leave the state cookie out: the callback arrives in another browser. */
  dropStateCookie?: boolean;
}

let nextBrowser = 0;

/**
 * Each flow is another browser, from its own address: sign-in starts are rate limited per
 * address, and a suite runs far more of them than one person would.
 */
export function browserHeaders(cookie: string | undefined): Record<string, string> {
  const n = nextBrowser++;
  return {
    'X-Forwarded-For': `198.51.${100 + (Math.floor(n / 250) % 100)}.${(n % 250) + 1}`,
    ...(cookie ? { Cookie: cookie } : {}),
  };
}

export function cookiePairs(response: Response): string[] {
  return response.headers.getSetCookie().map((c) => c.split(';')[0] ?? '');
}

/**
 * A browser through the whole round trip: Rollcall's start URL → Microsoft's authorize (the
 * emulator, signed in as `emulator.account`) → Rollcall's callback. Microsoft redirects to the
 * configured PUBLIC_URL; the test follows it to the test server's real address.
 */
export async function runMicrosoftFlow(
  api: TestApi,
  startPath: string,
  options: FlowOptions = {},
): Promise<FlowResult & { callbackUrl: string; stateCookie: string }> {
  const start = await fetch(`${api.baseUrl}${startPath}`, {
    redirect: 'manual',
    headers: browserHeaders(options.cookie),
  });
  if (start.status !== 302) throw new Error(`start: ${start.status} ${await start.text()}`);
  const stateCookie = cookiePairs(start).find((c) => c.startsWith('rollcall_oidc_state=')) ?? '';
  return finishMicrosoftFlow(api, start.headers.get('location') ?? '', stateCookie, options);
}

/**
 * The rest of a round trip whose start answered with Microsoft's authorize URL and the state
 * cookie (a redirect, or the JSON of "Link my account").
 */
export async function finishMicrosoftFlow(
  api: TestApi,
  authorizeUrl: string,
  stateCookie: string,
  options: FlowOptions = {},
): Promise<FlowResult & { callbackUrl: string; stateCookie: string }> {
  const authorize = await fetch(authorizeUrl, { redirect: 'manual' });
  if (authorize.status !== 302) {
    throw new Error(`authorize: ${authorize.status} ${await authorize.text()}`);
  }
  const back = new URL(authorize.headers.get('location') ?? '');
  options.tamperCallback?.(back.searchParams);
  const callbackUrl = `${api.baseUrl}${back.pathname}?${back.searchParams.toString()}`;
  const cookie = [options.cookie, options.dropStateCookie ? undefined : stateCookie]
    .filter(Boolean)
    .join('; ');
  const result = await callback(callbackUrl, cookie);
  return { ...result, callbackUrl, stateCookie };
}

export async function callback(url: string, cookie: string): Promise<FlowResult> {
  const response = await fetch(url, {
    redirect: 'manual',
    headers: cookie ? { Cookie: cookie } : {},
  });
  return {
    status: response.status,
    location: response.headers.get('location') ?? '',
    setCookies: cookiePairs(response),
  };
}

/**
 * "Link my account": the POST (session cookie and CSRF header) answers with the provider's
 * authorize URL and sets the state cookie.
 */
export async function startAccountLink(
  api: TestApi,
  session: { cookie: string; csrfToken: string },
  path: string,
): Promise<{ authorizationUrl: string; stateCookie: string }> {
  const response = await fetch(`${api.baseUrl}${path}`, {
    method: 'POST',
    headers: { Cookie: session.cookie, 'X-CSRF-Token': session.csrfToken },
  });
  if (response.status !== 200) throw new Error(`link: ${response.status} ${await response.text()}`);
  const stateCookie = cookiePairs(response).find((c) => c.startsWith('rollcall_oidc_state=')) ?? '';
  const { authorizationUrl } = (await response.json()) as { authorizationUrl: string };
  return { authorizationUrl, stateCookie };
}

export function entraEnv(emulator: EntraEmulator): Record<string, string> {
  return {
    ENTRA_AUTHORITY: emulator.baseUrl,
    ENTRA_CLIENT_ID: emulator.clientId,
    ENTRA_CLIENT_SECRET: emulator.clientSecret,
  };
}
