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
    headers: options.cookie ? { Cookie: options.cookie } : {},
  });
  if (start.status !== 302) throw new Error(`start: ${start.status} ${await start.text()}`);
  const stateCookie = cookiePairs(start).find((c) => c.startsWith('rollcall_oidc_state=')) ?? '';
  const authorize = await fetch(start.headers.get('location') ?? '', { redirect: 'manual' });
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

export function entraEnv(emulator: EntraEmulator): Record<string, string> {
  return {
    ENTRA_AUTHORITY: emulator.baseUrl,
    ENTRA_CLIENT_ID: emulator.clientId,
    ENTRA_CLIENT_SECRET: emulator.clientSecret,
  };
}
