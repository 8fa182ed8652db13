import { ADMIN_ROLE_NAMES } from '@rollcall/contracts';
import { ApiError } from '../../../api/api-error';
import {
  ADMIN_ROLE_OPTIONS,
  adminErrorMessage,
  adminRoleExplanation,
  adminRoleLabel,
  inviteEmailError,
} from './admin-role.format';

describe('admin roles in the dashboard', () => {
  it('offers every role, most privileged first, each with its own one-line explanation', () => {
    expect(ADMIN_ROLE_OPTIONS.map((option) => option.value)).toEqual([...ADMIN_ROLE_NAMES]);
    const explanations = ADMIN_ROLE_OPTIONS.map((option) => option.description);
    expect(new Set(explanations).size).toBe(explanations.length);
    for (const text of explanations) expect(text).not.toMatch(/\n/);
  });

  it.each([
    ['owner', 'Owner', /managing admins|changing admins/],
    ['admin', 'Admin', /except managing admins/],
    ['viewer', 'Viewer', /read-only/i],
  ] as const)('names %s and says what it may do', (role, label, explanation) => {
    expect(adminRoleLabel(role)).toBe(label);
    expect(adminRoleExplanation(role)).toMatch(explanation);
  });
});

describe('adminErrorMessage', () => {
  it.each([
    ['LAST_OWNER', /at least one owner/],
    ['ALREADY_ADMIN', /already an admin of this organization/],
    ['ADMIN_EMAIL_TAKEN', /another organization/],
    ['ROLE_FORBIDDEN', /Only an owner/],
  ])('explains %s in the dashboard’s words', (code, expected) => {
    const message = adminErrorMessage(new ApiError(409, code, 'server text'));
    expect(message).toMatch(expected);
    expect(message).not.toBe('server text');
  });

  it('keeps the server’s message for a code it does not know', () => {
    expect(adminErrorMessage(new ApiError(400, 'BAD_REQUEST', 'role must be one of …'))).toBe(
      'role must be one of …',
    );
    expect(adminErrorMessage(new Error('offline'))).toBe('offline');
  });
});

describe('inviteEmailError', () => {
  it.each([
    ['', /Enter the e-mail/],
    ['   ', /Enter the e-mail/],
    ['grace', /valid e-mail/],
    ['grace@acme', /valid e-mail/],
    ['gr ace@acme.example', /valid e-mail/],
    [`${'a'.repeat(320)}@acme.example`, /At most 320/],
  ])('refuses %j', (email, expected) => {
    expect(inviteEmailError(email)).toMatch(expected);
  });

  it('accepts an address, surrounding spaces included (they are trimmed)', () => {
    expect(inviteEmailError(' grace@acme.example ')).toBeNull();
  });
});
