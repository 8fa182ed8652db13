import { ENTERPRISE_USER_SCHEMA } from './enterprise-user.schema';
import { ENTERPRISE_USER_SCHEMA_URN } from './scim-urns';

describe('ENTERPRISE_USER_SCHEMA (RFC 7643 §4.3)', () => {
  it('has the RFC attributes', () => {
    expect(ENTERPRISE_USER_SCHEMA.id).toBe(ENTERPRISE_USER_SCHEMA_URN);
    expect(ENTERPRISE_USER_SCHEMA.attributes.map((a) => [a.name, a.type])).toEqual([
      ['employeeNumber', 'string'],
      ['costCenter', 'string'],
      ['organization', 'string'],
      ['division', 'string'],
      ['department', 'string'],
      ['manager', 'complex'],
    ]);
  });

  it('models manager as value, $ref and a read-only displayName', () => {
    const manager = ENTERPRISE_USER_SCHEMA.attributes.find((a) => a.name === 'manager');
    expect(manager?.multiValued).toBe(false);
    expect(manager?.subAttributes).toEqual([
      expect.objectContaining({ name: 'value', type: 'string', mutability: 'readWrite' }),
      expect.objectContaining({ name: '$ref', type: 'reference', referenceTypes: ['User'] }),
      expect.objectContaining({ name: 'displayName', mutability: 'readOnly' }),
    ]);
  });
});
