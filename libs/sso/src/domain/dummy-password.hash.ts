import { randomBytes } from 'node:crypto';
import { hashPassword } from '@rollcall/organizations';

let dummy: Promise<string> | undefined;

/**
 * A real hash of a random password, made with the current parameters, for sign-ins with an
 * unknown e-mail: verifying against it costs what a real verification costs, so response
 * time does not tell which e-mails administer an organization. Made once per process.
 */
export function dummyPasswordHash(): Promise<string> {
  dummy ??= hashPassword(randomBytes(32).toString('base64url')).catch((error: unknown) => {
    dummy = undefined;
    throw error;
  });
  return dummy;
}
