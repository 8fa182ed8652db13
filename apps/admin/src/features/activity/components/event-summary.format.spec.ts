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

  it('says what happened to an admin, by e-mail and role', () => {
    const vera = { id: 'a1', email: 'vera@acme.example' };
    const cases: [Parameters<typeof eventSummary>[0], string][] = [
      [
        {
          type: 'admin.invited',
          data: { invitation: { ...vera, role: 'viewer', expiresAt: '2026-01-01T00:00:00Z' } },
        },
        'Invited vera@acme.example as viewer',
      ],
      [
        { type: 'admin.invitation_revoked', data: { invitation: { ...vera, role: 'admin' } } },
        'Withdrew the invitation of vera@acme.example',
      ],
      [
        { type: 'admin.joined', data: { admin: { ...vera, role: 'viewer' } } },
        'vera@acme.example joined as viewer',
      ],
      [
        {
          type: 'admin.role_changed',
          data: { admin: vera, role: 'admin', previousRole: 'viewer' },
        },
        'Changed the role of vera@acme.example from viewer to admin',
      ],
      [
        { type: 'admin.removed', data: { admin: { ...vera, role: 'admin' } } },
        'Removed admin vera@acme.example',
      ],
      [
        {
          type: 'admin.ownership_transferred',
          data: { from: { id: 'o1', email: 'owner@acme.example' }, to: vera },
        },
        'Transferred ownership from owner@acme.example to vera@acme.example',
      ],
      [
        { type: 'admin.password_changed', data: { admin: vera } },
        'Changed the password of admin vera@acme.example',
      ],
      [
        { type: 'admin.signed_out_everywhere', data: { admin: vera } },
        'Signed out everywhere: admin vera@acme.example',
      ],
      [
        { type: 'admin.two_factor_enabled', data: { admin: vera } },
        'Turned on two-factor sign-in of admin vera@acme.example',
      ],
      [
        { type: 'admin.two_factor_disabled', data: { admin: vera } },
        'Turned off two-factor sign-in of admin vera@acme.example',
      ],
      [
        { type: 'admin.recovery_codes_regenerated', data: { admin: vera } },
        'Regenerated the recovery codes of admin vera@acme.example',
      ],
    ];
    for (const [event, summary] of cases) expect(eventSummary(event)).toBe(summary);
  });

  it('reads an admin event without names as its action', () => {
    expect(eventSummary({ type: 'admin.invited', data: {} })).toBe('Invited admin');
    expect(eventSummary({ type: 'admin.role_changed', data: {} })).toBe(
      'Changed the role of admin',
    );
    expect(eventSummary({ type: 'admin.two_factor_enabled', data: {} })).toBe(
      'Turned on two-factor sign-in of admin',
    );
  });
});
