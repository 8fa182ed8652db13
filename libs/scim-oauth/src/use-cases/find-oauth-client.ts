import type { Tx } from '@rollcall/db';
import type { OAuthClient } from '../domain/oauth-client';
import { ScimOAuthError } from '../domain/scim-oauth.error';
import type { OAuthClientStore } from '../persistence/oauth-client.store';

/** One client of the organization; another org's id is as unknown as a made-up one. */
export async function findOAuthClient(
  clients: OAuthClientStore,
  tx: Tx,
  organizationId: string,
  id: string,
): Promise<OAuthClient> {
  const client = await clients.findInOrganization(tx, organizationId, id);
  if (!client) throw new ScimOAuthError('OAUTH_CLIENT_NOT_FOUND', 'No such OAuth client.');
  return client;
}
