import type { Request } from 'express';
import type { AuthenticatedAdmin } from '@rollcall/sso';

/** A request that passed AdminSessionGuard carries its session here. */
export interface AdminSessionRequest extends Request {
  adminSession?: AuthenticatedAdmin;
}
