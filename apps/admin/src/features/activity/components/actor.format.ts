/** A job name (`retention`, `team-purge`) as people say it: "Retention job". */
function jobLabel(job: string): string {
  const words = job.replace(/[-_.]+/g, ' ').trim();
  if (!words) return 'Rollcall job';
  const sentence = words.charAt(0).toUpperCase() + words.slice(1);
  return /\bjob$/i.test(sentence) ? sentence : `${sentence} job`;
}

/**
 * Who made a change, readably: `admin:alice@contoso.com` → "alice@contoso.com",
 * `api_key:billing` → "API key billing", `system:retention` → "Retention job".
 * The raw string stays on screen for kinds this build does not know.
 */
export function actorLabel(actor: string): string {
  if (actor === 'cli') return 'Command line (CLI)';
  const colon = actor.indexOf(':');
  if (colon < 0) return actor;
  const kind = actor.slice(0, colon);
  const name = actor.slice(colon + 1);
  switch (kind) {
    case 'admin':
      return name;
    case 'api_key':
      return `API key ${name}`;
    case 'scim':
      return `SCIM token ${name}…`;
    case 'scim_oauth':
      return `SCIM OAuth client ${name}`;
    case 'sso':
      return `Sign-in with ${name}`;
    case 'system':
      return jobLabel(name);
    default:
      return actor;
  }
}
