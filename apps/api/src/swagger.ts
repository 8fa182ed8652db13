import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import {
  ADMIN_SESSION_COOKIE,
  API_KEY_AUTH,
  MEMBER_SESSION_COOKIE,
  WEBHOOK_VERIFICATION_DOC,
  memberSessionCookieName,
  sessionCookieName,
  withEventOpenApi,
} from '@rollcall/admin-api';
import { withScimOpenApi } from '@rollcall/scim-nest';
import type { AppConfig } from './config/app-config';

/** The limits this server applies, as configured: clients plan their retries with them. */
function rateLimitNote(config: AppConfig): string {
  const limits = config.rateLimits;
  const traffic =
    limits.scimPerSecond > 0
      ? `Each SCIM credential may send ${limits.scimPerSecond} requests a second, plus ${limits.scimBurst} a minute beyond that`
      : 'SCIM traffic per credential is not limited';
  return `**Rate limits:** ${traffic}; ${limits.authFailuresPerMinute} failed authentications a minute per client address (SCIM and \`/oauth/token\` together); 10 password sign-ins per e-mail and address and 50 per address in 15 minutes. Beyond a limit the answer is \`429\` with \`Retry-After\`, in the endpoint's error shape.`;
}

/**
 * Swagger UI at /api/docs and the OpenAPI document at /api/docs-json, unless API_DOCS=false
 * (an operator who does not want the API's map public; the routes then answer 404).
 */
export function useSwagger(app: INestApplication, config: AppConfig): void {
  if (!config.apiDocs) return;
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Rollcall API')
      .setDescription(
        [
          'SCIM 2.0 provisioning (RFC 7643/7644) for Microsoft Entra ID and other clients, and the admin API of the Rollcall dashboard.',
          '',
          `**SCIM Tenant URL:** \`${config.publicUrl}/scim/v2\`. Authenticate with the organization's Secret Token as \`Authorization: Bearer <token>\`, or with an access token from \`POST /oauth/token\` (OAuth 2.0 client credentials, or a federated JWT per RFC 7523, as Entra gallery apps do).`,
          'The discovery endpoints (`/ServiceProviderConfig`, `/ResourceTypes`, `/Schemas`) are public: they describe the server, not an organization.',
          '',
          rateLimitNote(config),
        ].join('\n'),
      )
      .setVersion('1')
      .addTag('Admin: webhooks', WEBHOOK_VERIFICATION_DOC)
      .addServer(config.publicUrl)
      .addBearerAuth(
        {
          type: 'http',
          scheme: 'bearer',
          description:
            'Admin API key (`rck_…`, created in the dashboard or with POST /api/api-keys): users, teams, the provisioning log and role mappings, without a CSRF header',
        },
        API_KEY_AUTH,
      )
      .addCookieAuth(
        ADMIN_SESSION_COOKIE,
        {
          type: 'apiKey',
          in: 'cookie',
          // The cookie as this deployment names it: `__Host-` prefixed over https.
          name: sessionCookieName(config.publicUrl.startsWith('https:')),
          description:
            'Dashboard session from POST /api/auth/login. Every POST, PUT, PATCH and DELETE also needs the `X-CSRF-Token` header (the `csrfToken` of the login answer).',
        },
        ADMIN_SESSION_COOKIE,
      )
      .addCookieAuth(
        MEMBER_SESSION_COOKIE,
        {
          type: 'apiKey',
          in: 'cookie',
          name: memberSessionCookieName(config.publicUrl.startsWith('https:')),
          description:
            'An org member’s SSO session; state-changing calls also need `X-CSRF-Token` (from GET /api/auth/member-session).',
        },
        MEMBER_SESSION_COOKIE,
      )
      .build(),
  );
  // The SCIM edge brings its own security schemes and resource schemas; events their unions.
  const complete = withEventOpenApi(withScimOpenApi(document, config.publicUrl));
  SwaggerModule.setup('api/docs', app, complete, {
    jsonDocumentUrl: 'api/docs-json',
    customSiteTitle: 'Rollcall API',
  });
}
