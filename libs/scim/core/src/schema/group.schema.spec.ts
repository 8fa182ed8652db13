import { GROUP_SCHEMA } from './group.schema';
import type { ScimAttributeDefinition } from './schema.types';
import { GROUP_SCHEMA_URN } from './scim-urns';

function find(path: string): ScimAttributeDefinition | undefined {
  const [name, sub] = path.split('.');
  const attribute = GROUP_SCHEMA.attributes.find((a) => a.name === name);
  return sub === undefined ? attribute : attribute?.subAttributes?.find((a) => a.name === sub);
}

describe('GROUP_SCHEMA (RFC 7643 §4.2, §8.7.1)', () => {
  it('is the core Group schema with displayName and members', () => {
    expect(GROUP_SCHEMA.id).toBe(GROUP_SCHEMA_URN);
    expect(GROUP_SCHEMA.attributes.map((a) => a.name)).toEqual(['displayName', 'members']);
  });

  it.each<[string, Partial<ScimAttributeDefinition>]>([
    // Entra matches groups on displayName, so we make it required and unique.
    ['displayName', { type: 'string', required: true, uniqueness: 'server', caseExact: false }],
    ['members', { type: 'complex', multiValued: true, mutability: 'readWrite' }],
    ['members.value', { type: 'string', mutability: 'immutable' }],
    [
      'members.$ref',
      { type: 'reference', referenceTypes: ['User', 'Group'], mutability: 'immutable' },
    ],
    ['members.display', { type: 'string' }],
    ['members.type', { canonicalValues: ['User', 'Group'], mutability: 'immutable' }],
  ])('%s has the expected characteristics', (path, expected) => {
    expect(find(path)).toMatchObject(expected);
  });
});
