import type { FederatedIdentity } from './federated-identity';
import { bestMatch, firstSignInKeys, vouchedAddresses } from './sign-in-match';

function anIdentity(overrides: Partial<FederatedIdentity> = {}): FederatedIdentity {
  return {
    provider: 'microsoft',
    issuer: 'tenant-1',
    subject: 'oid-1',
    verifiedEmail: null,
    userPrincipalName: null,
    objectId: null,
    displayName: null,
    label: 'ada@example.com',
    ...overrides,
  };
}

describe('firstSignInKeys', () => {
  it('matches the UPN and a verified e-mail on userName, the e-mail alone on the work e-mail', () => {
    const identity = anIdentity({
      userPrincipalName: 'Ada@Example.com',
      verifiedEmail: 'ada.lovelace@example.com',
    });
    expect(firstSignInKeys(identity, false)).toEqual({
      userNames: ['ada@example.com', 'ada.lovelace@example.com'],
      externalIds: [],
      emails: ['ada.lovelace@example.com'],
    });
  });

  it('matches `oid` on externalId only where the org maps the objectId there', () => {
    const identity = anIdentity({ objectId: 'ABC-def' });
    expect(firstSignInKeys(identity, false).externalIds).toEqual([]);
    expect(firstSignInKeys(identity, true).externalIds).toEqual(['ABC-def', 'abc-def']);
  });

  it('has no key for what the provider does not vouch for', () => {
    expect(firstSignInKeys(anIdentity(), true)).toEqual({
      userNames: [],
      externalIds: [],
      emails: [],
    });
  });
});

describe('bestMatch', () => {
  it('takes the strongest key, then the first candidate (the oldest user)', () => {
    const older = { id: 'older', matchedBy: 'email' as const };
    const byUserName = { id: 'by-user-name', matchedBy: 'user_name' as const };
    const byExternalId = { id: 'by-external-id', matchedBy: 'external_id' as const };
    const newer = { id: 'newer', matchedBy: 'user_name' as const };
    expect(bestMatch([older, byExternalId, byUserName, newer])).toBe(byUserName);
    expect(bestMatch([older, byExternalId])).toBe(byExternalId);
    expect(bestMatch([older, { id: 'newer', matchedBy: 'email' as const }])).toBe(older);
    expect(bestMatch([])).toBeUndefined();
  });
});

describe('vouchedAddresses', () => {
  it('lower-cases and de-duplicates the UPN and the verified e-mail', () => {
    expect(
      vouchedAddresses(
        anIdentity({ userPrincipalName: 'Ada@Example.com', verifiedEmail: 'ada@example.COM' }),
      ),
    ).toEqual(['ada@example.com']);
  });
});
