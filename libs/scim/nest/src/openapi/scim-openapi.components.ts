import { ApiSecurity, type OpenAPIObject, type SecuritySchemeObject } from '@nestjs/swagger';
import { applyDecorators } from '@nestjs/common';
import { GRANT_JWT_BEARER, SCIM_SCOPE, oauthEndpoints } from '@rollcall/scim-oauth';
import { SCIM_MESSAGE_SCHEMAS } from './scim-message.schemas';
import { SCIM_RESOURCE_SCHEMAS } from './scim-resource.schemas';

/** The organization's Secret Token from the dashboard (`rcs_…`), an opaque bearer. */
export const SCIM_TOKEN_AUTH = 'scim-token';
/** An access token from POST /oauth/token (a JWT), whichever grant issued it. */
export const SCIM_ACCESS_TOKEN_AUTH = 'scim-access-token';
/** The client credentials flow against /oauth/token, for clients (and Swagger UI) that run it. */
export const SCIM_OAUTH_AUTH = 'scim-oauth';
/** client_secret_basic at the token endpoint (RFC 6749 §2.3.1). */
export const OAUTH_CLIENT_BASIC_AUTH = 'oauth-client-basic';

function securitySchemes(publicUrl: string): Record<string, SecuritySchemeObject> {
  const { tokenEndpoint } = oauthEndpoints(publicUrl);
  return {
    [SCIM_TOKEN_AUTH]: {
      type: 'http',
      scheme: 'bearer',
      description:
        'The organization’s SCIM Secret Token (`rcs_…`, shown once in Single Sign-On settings → Provisioning), as `Authorization: Bearer rcs_…`. Opaque; an organization may have two live tokens during rotation.',
    },
    [SCIM_ACCESS_TOKEN_AUTH]: {
      type: 'http',
      scheme: 'bearer',
      bearerFormat: 'JWT',
      description: `An access token from \`POST /oauth/token\` (client credentials, or a federated JWT with grant_type ${GRANT_JWT_BEARER}), as \`Authorization: Bearer <JWT>\`. It names one organization and expires after \`expires_in\` seconds.`,
    },
    [SCIM_OAUTH_AUTH]: {
      type: 'oauth2',
      description:
        'OAuth 2.0 client credentials (an OAuth client created in the dashboard). The token it yields is sent as a bearer, like `scim-access-token`.',
      flows: {
        clientCredentials: {
          tokenUrl: tokenEndpoint,
          scopes: { [SCIM_SCOPE]: 'Provision the organization’s users and groups over SCIM.' },
        },
      },
    },
    [OAUTH_CLIENT_BASIC_AUTH]: {
      type: 'http',
      scheme: 'basic',
      description:
        'client_secret_basic: the OAuth client’s id and secret. Optional: client_secret_post and JWT assertions send their credentials in the form.',
    },
  };
}

/**
 * The document with the SCIM edge's part of it: its security schemes and the component
 * schemas the SCIM operations reference (added here because @nestjs/swagger only generates
 * components from classes, and SCIM resources are keyed by URNs and open-ended).
 */
export function withScimOpenApi(document: OpenAPIObject, publicUrl: string): OpenAPIObject {
  return {
    ...document,
    components: {
      ...document.components,
      securitySchemes: { ...document.components?.securitySchemes, ...securitySchemes(publicUrl) },
      schemas: {
        ...document.components?.schemas,
        ...SCIM_RESOURCE_SCHEMAS,
        ...SCIM_MESSAGE_SCHEMAS,
      },
    },
  };
}

/** A SCIM resource operation: the Secret Token or an OAuth access token, either one. */
export function ScimSecurity(): ClassDecorator & MethodDecorator {
  return applyDecorators(
    ApiSecurity(SCIM_TOKEN_AUTH),
    ApiSecurity(SCIM_ACCESS_TOKEN_AUTH),
    ApiSecurity(SCIM_OAUTH_AUTH, [SCIM_SCOPE]),
  );
}
