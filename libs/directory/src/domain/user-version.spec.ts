import { normalizeUserInput } from './user-document';
import { changedUser, createdUser } from './user-version';

const document = (active: boolean) => normalizeUserInput({ userName: 'ada@example.com', active });
const at = (day: number) => new Date(Date.UTC(2026, 0, day));

describe('user versions', () => {
  const created = createdUser(document(true), at(1), {
    id: 'u1',
    organizationId: 'o1',
    source: 'sso',
  });

  it('starts at version 1, active unless the document says otherwise', () => {
    expect(created).toMatchObject({ version: 1, active: true, deactivatedAt: null, source: 'sso' });
    expect(
      createdUser(document(false), at(1), { id: 'u2', organizationId: 'o1', source: 'scim' })
        .deactivatedAt,
    ).toEqual(at(1));
  });

  it('keeps the key, source and creation time, and dates a deactivation when it happens', () => {
    const deactivated = changedUser(created, document(false), at(2));
    expect(deactivated).toMatchObject({
      id: 'u1',
      organizationId: 'o1',
      source: 'sso',
      version: 2,
      createdAt: at(1),
      updatedAt: at(2),
      deactivatedAt: at(2),
    });
    // Still inactive: the deactivation keeps its date.
    expect(changedUser(deactivated, document(false), at(3)).deactivatedAt).toEqual(at(2));
    expect(changedUser(deactivated, document(true), at(4)).deactivatedAt).toBeNull();
  });
});
