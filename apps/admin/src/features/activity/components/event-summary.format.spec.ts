import { eventSummary } from './event-summary.format';

describe('eventSummary', () => {
  it('names the team of a team event', () => {
    expect(
      eventSummary({ type: 'team.deletion_scheduled', data: { team: { displayName: 'Sales' } } }),
    ).toBe('Deleted team Sales');
  });

  it('names a user by display name, else by userName', () => {
    expect(
      eventSummary({
        type: 'user.deactivated',
        data: { user: { userName: 'ada@contoso.com', displayName: null } },
      }),
    ).toBe('Deactivated user ada@contoso.com');
    expect(
      eventSummary({
        type: 'user.created',
        data: { user: { userName: 'ada@contoso.com', displayName: 'Ada Lovelace' } },
      }),
    ).toBe('Created user Ada Lovelace');
  });

  it('says who joined which team', () => {
    expect(
      eventSummary({
        type: 'team.member_added',
        data: { team: { displayName: 'Sales' }, member: { userName: 'ada@contoso.com' } },
      }),
    ).toBe('Added ada@contoso.com to team Sales');
  });

  it('tells a SCIM token from other credentials', () => {
    expect(
      eventSummary({ type: 'credential.created', data: { credential: { kind: 'scim_token' } } }),
    ).toBe('Created SCIM token');
    expect(
      eventSummary({
        type: 'credential.revoked',
        data: { credential: { kind: 'scim_token', prefix: 'rcs_ab12' } },
      }),
    ).toBe('Revoked SCIM token rcs_ab12…');
    expect(eventSummary({ type: 'credential.created', data: {} })).toBe('Created SCIM credential');
    expect(
      eventSummary({
        type: 'credential.updated',
        data: { credential: { kind: 'oauth_client', name: 'Entra provisioning' } },
      }),
    ).toBe('Changed SCIM OAuth client Entra provisioning');
    expect(
      eventSummary({
        type: 'credential.revoked',
        data: { credential: { kind: 'federated_credential', name: 'Gallery app' } },
      }),
    ).toBe('Revoked federated credential Gallery app');
  });

  it('names API keys and webhook endpoints', () => {
    expect(eventSummary({ type: 'api_key.created', data: { apiKey: { name: 'billing' } } })).toBe(
      'Created API key billing',
    );
    expect(
      eventSummary({
        type: 'webhook.deleted',
        data: { webhook: { url: 'https://hooks.example/rollcall' } },
      }),
    ).toBe('Deleted webhook endpoint https://hooks.example/rollcall');
  });

  it('still reads as its action without names', () => {
    expect(eventSummary({ type: 'team.purged', data: {} })).toBe('Purged team');
    expect(eventSummary({ type: 'organization.updated', data: { changed: ['name'] } })).toBe(
      'Updated the organization',
    );
  });
});
