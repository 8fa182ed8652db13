import type { CreatedOrganization } from '@rollcall/organizations';
import type { AppConfig } from './config/app-config';

/**
 * Printed once, on the start that created the demo organization: the only time its
 * password and token exist in clear. Written to stdout directly, never to the log stream.
 */
export function firstStartBanner(config: AppConfig, demo: CreatedOrganization): string {
  const lines = [
    'Rollcall is ready. A demo organization was created; these credentials are shown only once.',
    '',
    `  Dashboard        ${config.publicUrl}/`,
    `  Admin e-mail     ${demo.adminEmail}`,
    `  Admin password   ${demo.adminPassword}`,
    '',
    `  SCIM Tenant URL  ${config.publicUrl}/scim/v2`,
    `  Secret Token     ${demo.scimToken?.token ?? '(provisioning disabled)'}`,
    '',
    `  API docs         ${config.publicUrl}/api/docs`,
  ];
  const width = Math.max(...lines.map((l) => l.length)) + 2;
  const rule = '='.repeat(width);
  return [rule, ...lines, rule, ''].join('\n');
}
