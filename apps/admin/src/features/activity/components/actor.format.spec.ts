import { actorLabel } from './actor.format';

describe('actorLabel', () => {
  it.each([
    ['admin:alice@contoso.com', 'alice@contoso.com'],
    ['api_key:billing', 'API key billing'],
    ['system:retention', 'Retention job'],
    ['system:team-purge', 'Team purge job'],
    ['system:purge_job', 'Purge job'],
    ['scim:rcs_ab12', 'SCIM token rcs_ab12…'],
    ['scim_oauth:entra-app', 'SCIM OAuth client entra-app'],
    ['sso:microsoft', 'Sign-in with microsoft'],
    ['cli', 'Command line (CLI)'],
    ['robot:r2', 'robot:r2'],
    ['admin:x:y@z', 'x:y@z'],
  ])('%s → %s', (actor, expected) => {
    expect(actorLabel(actor)).toBe(expected);
  });
});
