import type { Request } from 'express';
import type { ApiKeyPrincipal } from '@rollcall/organizations';
import type { AuthenticatedAdmin } from '@rollcall/sso';

/**
 * A request that passed AdminSessionGuard carries its session here, or, when it
 * authenticated with `Authorization: Bearer rck_…`, its API key (never both).
 */
export interface AdminSessionRequest extends Request {
  adminSession?: AuthenticatedAdmin;
  apiKey?: ApiKeyPrincipal;
}
