import type { EntityManager } from 'typeorm';
import { ScimOAuthError } from '../domain/scim-oauth.error';
import { OAuthClientEntity } from '../persistence/oauth-client.entity';

/** One client of the organization; another org's id is as unknown as a made-up one. */
export async function findOAuthClient(
  manager: EntityManager,
  organizationId: string,
  id: string,
): Promise<OAuthClientEntity> {
  const client = await manager.findOne(OAuthClientEntity, { where: { id, organizationId } });
  if (!client) throw new ScimOAuthError('OAUTH_CLIENT_NOT_FOUND', 'No such OAuth client.');
  return client;
}
