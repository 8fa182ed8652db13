/** The cache topic announced whenever an API key must be refused from now on (revoked). */
export const API_KEYS_TOPIC = 'api-keys';
