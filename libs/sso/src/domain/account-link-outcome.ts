import type { SsoProviderKind } from '@rollcall/contracts';
import type { SsoError } from './sso.error';

/** A round trip started by "Link my account" ends on the SSO settings page, refused or not. */
export type AccountLinkOutcome =
  { kind: 'linked'; provider: SsoProviderKind } | { kind: 'link_refused'; error: SsoError };
