import type { NewEvent } from '@rollcall/db';

/** What a credential event says about it: never a secret, a hash or a signing key. */
export interface CredentialEventData {
  kind: 'oauth_client' | 'oauth_client_secret' | 'federated_credential';
  id: string;
  name?: string;
  clientId?: string;
}

export function credentialEvent(
  type: 'credential.created' | 'credential.updated' | 'credential.revoked',
  organizationId: string,
  actor: string,
  credential: CredentialEventData,
): NewEvent {
  return {
    organizationId,
    type,
    actor,
    subject: { type: 'credential', id: credential.id },
    data: { credential },
  };
}
