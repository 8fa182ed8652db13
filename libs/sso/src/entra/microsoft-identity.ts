import type { FederatedIdentity } from '../domain/federated-identity';
import type { EntraIdentity } from './entra.client';

/**
 * An Entra account as Rollcall links it: by `oid` within its tenant (`sub` is pairwise per app,
 * `oid` the same for every app of the tenant). The UPN is the tenant's word; the `email` claim
 * is only when Entra verified its domain (`xms_edov`), since an Entra admin can type any
 * address into a user's mail attribute.
 */
export function microsoftIdentity(entra: EntraIdentity): FederatedIdentity {
  return {
    provider: 'microsoft',
    issuer: entra.tenantId,
    subject: entra.objectId,
    verifiedEmail: entra.emailVerified ? entra.email : null,
    userPrincipalName: entra.userPrincipalName,
    objectId: entra.objectId,
    displayName: entra.name,
    label: entra.userPrincipalName ?? entra.email ?? entra.objectId,
  };
}
