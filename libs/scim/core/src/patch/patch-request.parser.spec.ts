import { ScimError } from '../errors/scim-error';
import { parsePatchRequest } from './patch-request.parser';

const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

function scimTypeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof ScimError) return error.scimType;
    throw error;
  }
  return undefined;
}

describe('parsePatchRequest', () => {
  it('parses an Entra user update (capitalised ops, value-filter path)', () => {
    const ops = parsePatchRequest({
      schemas: [PATCH_OP],
      Operations: [
        {
          op: 'Replace',
          path: 'emails[type eq "work"].value',
          value: 'updatedEmail@microsoft.com',
        },
        { op: 'Replace', path: 'name.familyName', value: 'updatedFamilyName' },
        { op: 'Add', path: 'active', value: 'False' },
        {
          op: 'Remove',
          path: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager',
        },
      ],
    });
    expect(ops.map((o) => o.op)).toEqual(['replace', 'replace', 'add', 'remove']);
    expect(ops[0]?.path).toMatchObject({ attribute: 'emails', subAttribute: 'value' });
    expect(ops[0]?.value).toBe('updatedEmail@microsoft.com');
    expect(ops[3]).toEqual({
      op: 'remove',
      path: {
        schema: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User',
        attribute: 'manager',
      },
    });
  });

  it('accepts any case in keys and the schema URN, and a no-path replace object', () => {
    const ops = parsePatchRequest({
      SCHEMAS: [PATCH_OP.toUpperCase()],
      operations: [{ OP: 'replace', Value: { active: false } }],
    });
    expect(ops).toEqual([{ op: 'replace', value: { active: false } }]);
  });

  it('keeps a remove value (Entra removes members with a value list)', () => {
    const [op] = parsePatchRequest({
      schemas: [PATCH_OP],
      Operations: [{ op: 'Remove', path: 'members', value: [{ value: 'u1' }] }],
    });
    expect(op).toEqual({ op: 'remove', path: { attribute: 'members' }, value: [{ value: 'u1' }] });
  });

  it.each<[string, unknown, string]>([
    ['not an object', [], 'invalidSyntax'],
    ['no schemas', { Operations: [{ op: 'add', path: 'x', value: 1 }] }, 'invalidSyntax'],
    ['wrong schema', { schemas: ['urn:x'], Operations: [] }, 'invalidSyntax'],
    ['no Operations', { schemas: [PATCH_OP] }, 'invalidSyntax'],
    ['empty Operations', { schemas: [PATCH_OP], Operations: [] }, 'invalidSyntax'],
    ['operation not an object', { schemas: [PATCH_OP], Operations: ['add'] }, 'invalidSyntax'],
    [
      'unknown op',
      { schemas: [PATCH_OP], Operations: [{ op: 'move', path: 'a' }] },
      'invalidSyntax',
    ],
    [
      'add without value',
      { schemas: [PATCH_OP], Operations: [{ op: 'add', path: 'a' }] },
      'invalidSyntax',
    ],
    ['remove without path', { schemas: [PATCH_OP], Operations: [{ op: 'remove' }] }, 'noTarget'],
    [
      'bad path',
      { schemas: [PATCH_OP], Operations: [{ op: 'remove', path: 'a..b' }] },
      'invalidPath',
    ],
    [
      'bad filter in path',
      { schemas: [PATCH_OP], Operations: [{ op: 'remove', path: 'emails[type xx "a"]' }] },
      'invalidPath',
    ],
    [
      'path not a string',
      { schemas: [PATCH_OP], Operations: [{ op: 'remove', path: 5 }] },
      'invalidPath',
    ],
    [
      'no-path scalar value',
      { schemas: [PATCH_OP], Operations: [{ op: 'replace', value: 'x' }] },
      'invalidValue',
    ],
  ])('%s', (_name, body, scimType) => {
    expect(scimTypeOf(() => parsePatchRequest(body))).toBe(scimType);
  });
});
