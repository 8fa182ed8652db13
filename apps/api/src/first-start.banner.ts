import type { DemoCredentials } from '@rollcall/organizations';
import type { AppConfig } from './config/app-config';

/**
 * The demo organization's credentials, written to stdout directly (never to the log stream),
 * last, once the server listens. They exist in clear only here: printed on the first start and
 * reissued on every start until an admin has signed in.
 */
export function firstStartBanner(config: AppConfig, demo: DemoCredentials): string {
  const token = demo.scimToken
    ? demo.scimToken.token
    : demo.scimTokenInUse
      ? '(unchanged: already in use by your identity provider)'
      : '(provisioning disabled)';
  const lines = [
    demo.reissued
      ? 'Rollcall is ready. No admin has signed in yet, so new demo credentials were issued'
      : 'Rollcall is ready. A demo organization was created with these credentials.',
    demo.reissued
      ? '(earlier ones no longer work). They are shown on each start until an admin signs in.'
      : 'They are shown on each start until an admin signs in, then never again.',
    '',
    `  Dashboard        ${config.publicUrl}/`,
    `  Admin e-mail     ${demo.adminEmail}`,
    `  Admin password   ${demo.adminPassword}`,
    '',
    `  SCIM Tenant URL  ${config.publicUrl}/scim/v2`,
    `  Secret Token     ${token}`,
    '',
    `  API docs         ${config.publicUrl}/api/docs`,
    `  Lost password?   npm run -s cli -- admin:reset-password ${demo.adminEmail}`,
  ];
  const width = Math.max(...lines.map((l) => l.length)) + 2;
  const rule = '='.repeat(width);
  return ['', rule, ...lines, rule, ''].join('\n');
}
