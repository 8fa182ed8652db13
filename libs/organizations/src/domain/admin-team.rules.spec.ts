import type { AdminRole } from './admin-role';
import { assertAnOwnerRemains, type AdminRoleAssignment } from './admin-team.rules';

const team: AdminRoleAssignment[] = [
  { id: 'a', role: 'owner' },
  { id: 'b', role: 'admin' },
  { id: 'c', role: 'viewer' },
];

function changes(entries: [string, AdminRole | null][]) {
  return new Map(entries);
}

describe('assertAnOwnerRemains', () => {
  it.each<[string, [string, AdminRole | null][]]>([
    ['demoting the only owner', [['a', 'admin']]],
    ['removing the only owner', [['a', null]]],
    ['making the only owner a viewer', [['a', 'viewer']]],
  ])('refuses %s with LAST_OWNER', (_, change) => {
    expect(() => assertAnOwnerRemains(team, changes(change))).toThrow(
      expect.objectContaining({ code: 'LAST_OWNER' }),
    );
  });

  it('refuses demoting two owners at once', () => {
    const twoOwners = [...team, { id: 'd', role: 'owner' as const }];
    expect(() =>
      assertAnOwnerRemains(
        twoOwners,
        changes([
          ['a', 'admin'],
          ['d', null],
        ]),
      ),
    ).toThrow(expect.objectContaining({ code: 'LAST_OWNER' }));
  });

  it('allows demoting an owner when another owner remains', () => {
    const twoOwners = [...team, { id: 'd', role: 'owner' as const }];
    expect(() => assertAnOwnerRemains(twoOwners, changes([['a', 'viewer']]))).not.toThrow();
    expect(() => assertAnOwnerRemains(twoOwners, changes([['a', null]]))).not.toThrow();
  });

  it('allows a transfer: the new owner is counted before the old one steps down', () => {
    expect(() =>
      assertAnOwnerRemains(
        team,
        changes([
          ['b', 'owner'],
          ['a', 'admin'],
        ]),
      ),
    ).not.toThrow();
  });

  it('allows changes among non-owners', () => {
    expect(() => assertAnOwnerRemains(team, changes([['b', 'viewer']]))).not.toThrow();
    expect(() => assertAnOwnerRemains(team, changes([['c', null]]))).not.toThrow();
  });
});
