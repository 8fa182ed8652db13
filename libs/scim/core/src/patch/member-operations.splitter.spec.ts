import { parsePatchRequest } from './patch-request.parser';
import { splitMemberOperations } from './member-operations.splitter';

const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
const split = (operations: unknown[]) =>
  splitMemberOperations(parsePatchRequest({ schemas: [PATCH_OP], Operations: operations }));

describe('splitMemberOperations', () => {
  it('turns Entra member payloads into SQL-ready operations', () => {
    const many = Array.from({ length: 300 }, (_, i) => ({ value: `u${i}`, $ref: null }));
    const result = split([
      { op: 'Add', path: 'members', value: many },
      { op: 'Remove', path: 'members', value: [{ value: 'u1' }, { value: 'u1' }] },
      { op: 'Remove', path: 'members[value eq "u2"]' },
      { op: 'remove', path: 'members[value eq "u3" or value eq "u4"]' },
      { op: 'Replace', path: 'displayName', value: 'Ops' },
      { op: 'Remove', path: 'Members' },
      { op: 'replace', value: { displayName: 'Ops 2', members: [{ value: 'u9' }] } },
      { op: 'add', value: { members: [] } },
    ]);
    expect(result.memberOperations).toEqual([
      { kind: 'add', memberIds: many.map((m) => m.value) },
      { kind: 'remove', memberIds: ['u1'] },
      { kind: 'remove', memberIds: ['u2'] },
      { kind: 'remove', memberIds: ['u3', 'u4'] },
      { kind: 'removeAll' },
      { kind: 'replace', memberIds: ['u9'] },
    ]);
    expect(result.otherOperations).toEqual([
      { op: 'replace', path: { attribute: 'displayName' }, value: 'Ops' },
      { op: 'replace', value: { displayName: 'Ops 2' } },
    ]);
  });

  it('treats a replace with an empty list as removing everyone', () => {
    expect(split([{ op: 'replace', path: 'members', value: [] }]).memberOperations).toEqual([
      { kind: 'removeAll' },
    ]);
  });

  it.each<[string, unknown, string]>([
    [
      'a member without value',
      { op: 'add', path: 'members', value: [{ display: 'x' }] },
      'invalidValue',
    ],
    [
      'a filter other than value eq',
      { op: 'remove', path: 'members[display eq "x"]' },
      'invalidPath',
    ],
    [
      'add through a filter',
      { op: 'add', path: 'members[value eq "x"]', value: {} },
      'invalidPath',
    ],
    ['a members sub-attribute', { op: 'remove', path: 'members.value' }, 'invalidPath'],
  ])('rejects %s', (_name, operation, scimType) => {
    expect(() => split([operation])).toThrow(expect.objectContaining({ scimType }));
  });
});
