import type { Response } from 'express';
import { MEMBER_LANDING_PATH } from '@rollcall/contracts';
import type { AccountLinkOutcome, SsoSignIn } from '@rollcall/sso';
import { sessionCookie } from '../auth/session.cookie';
import { callbackErrorCode } from './sso-callback.redirect';
import { clearedOidcStateCookie, memberSessionCookie, oidcStateCookie } from './oidc-state.cookie';

/**
 * How every round trip starts: the browser goes to the provider's authorize URL, holding the
 * state in a short-lived cookie so only this browser can finish it.
 */
export function redirectToProvider(
  response: Response,
  started: { url: string; state: string },
  secure: boolean,
): void {
  response.setHeader('Cache-Control', 'no-store');
  response.append('Set-Cookie', oidcStateCookie(started.state, secure));
  response.redirect(302, started.url);
}

/** Where a refused sign-in lands, with `?error=<code>` for the page to explain. */
export const SIGN_IN_PAGE = '/signin';

/** Where an admin's link round trip lands, with `?linked=<provider>` or `?error=<code>`. */
export const SSO_SETTINGS_PAGE = '/sso';

/**
 * How every SSO sign-in callback ends, whichever provider: the state cookie is cleared; an
 * admin gets the dashboard session cookie and goes to `/`, a member the member session cookie
 * and goes to the member landing page; a refusal goes to the sign-in page with a stable error
 * code (and `onRefused` sees it first, to record what the org must know), on the org's own
 * sign-in page when the callback knows the org (a SAML ACS does). An admin's link round
 * trip ends on the SSO settings page instead.
 */
export async function endSignInCallback(
  response: Response,
  secure: boolean,
  signIn: () => Promise<SsoSignIn | AccountLinkOutcome>,
  onRefused: (error: unknown) => void = () => undefined,
  /** The org whose sign-in page a refusal returns to (`&org=`), when the callback knows it. */
  organizationSlug: string | null = null,
): Promise<void> {
  response.setHeader('Cache-Control', 'no-store');
  response.append('Set-Cookie', clearedOidcStateCookie(secure));
  let target = '/';
  try {
    const result = await signIn();
    if (result.kind === 'linked' || result.kind === 'link_refused') {
      target =
        result.kind === 'linked'
          ? `${SSO_SETTINGS_PAGE}?linked=${result.provider}`
          : `${SSO_SETTINGS_PAGE}?error=${callbackErrorCode(result.error)}`;
      response.redirect(302, target);
      return;
    }
    const maxAgeSeconds = (result.session.expiresAt.getTime() - Date.now()) / 1000;
    if (result.kind === 'member') target = MEMBER_LANDING_PATH;
    response.append(
      'Set-Cookie',
      result.kind === 'admin'
        ? sessionCookie(result.session.sessionSecret, { secure, maxAgeSeconds })
        : memberSessionCookie(result.session.sessionSecret, maxAgeSeconds, secure),
    );
  } catch (error) {
    onRefused(error);
    const org = organizationSlug ? `&org=${encodeURIComponent(organizationSlug)}` : '';
    target = `${SIGN_IN_PAGE}?error=${callbackErrorCode(error)}${org}`;
  }
  response.redirect(302, target);
}
