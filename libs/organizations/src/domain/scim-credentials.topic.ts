/**
 * The cache topic announced whenever a credential that authenticates SCIM requests must be
 * refused from now on: a Secret Token revoked, provisioning turned off for an organization,
 * an OAuth client, client secret or federated credential revoked.
 */
export const SCIM_CREDENTIALS_TOPIC = 'scim-credentials';
