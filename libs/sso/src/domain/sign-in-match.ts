import type { FederatedIdentity } from './federated-identity';

/** Which key of a directory user a first sign-in matched. */
export type FirstSignInMatch = 'user_name' | 'external_id' | 'email';

/** What a first sign-in may match directory users on; lower-cased where the columns are. */
export interface FirstSignInKeys {
  userNames: string[];
  externalIds: string[];
  emails: string[];
}

/** Best match first: Entra's default mapping sends the UPN as userName. */
const MATCH_RANK: Record<FirstSignInMatch, number> = {
  user_name: 0,
  external_id: 1,
  email: 2,
};

/**
 * Only what the provider vouches for: Microsoft's UPN against userName; a verified e-mail
 * against userName and the work e-mail; `oid` against externalId where the org says its
 * provisioning maps the objectId there.
 */
export function firstSignInKeys(
  identity: FederatedIdentity,
  externalIdIsObjectId: boolean,
): FirstSignInKeys {
  return {
    userNames: vouchedAddresses(identity),
    externalIds:
      externalIdIsObjectId && identity.objectId
        ? [...new Set([identity.objectId, identity.objectId.toLowerCase()])]
        : [],
    emails: lowerCased([identity.verifiedEmail]),
  };
}

/** The user a first sign-in is for: the strongest key, then the oldest (`candidates` order). */
export function bestMatch<T extends { matchedBy: FirstSignInMatch }>(
  candidates: readonly T[],
): T | undefined {
  return candidates
    .map((candidate, index) => ({ candidate, index }))
    .sort(
      (a, b) =>
        MATCH_RANK[a.candidate.matchedBy] - MATCH_RANK[b.candidate.matchedBy] || a.index - b.index,
    )
    .at(0)?.candidate;
}

/** The addresses the provider vouches for, lower-cased: the UPN and a verified e-mail. */
export function vouchedAddresses(identity: FederatedIdentity): string[] {
  return lowerCased([identity.userPrincipalName, identity.verifiedEmail]);
}

function lowerCased(values: (string | null)[]): string[] {
  return [
    ...new Set(
      values.filter((v): v is string => v !== null && v !== '').map((v) => v.toLowerCase()),
    ),
  ];
}
