import { ROLE_NAMES } from '@rollcall/contracts';
import { ROLLCALL_USER_SCHEMA } from './rollcall-user.schema';
import { ROLLCALL_USER_SCHEMA_URN } from './scim-urns';

describe('ROLLCALL_USER_SCHEMA', () => {
  const [roleName] = ROLLCALL_USER_SCHEMA.attributes;

  it('defines roleName only', () => {
    expect(ROLLCALL_USER_SCHEMA.id).toBe(ROLLCALL_USER_SCHEMA_URN);
    expect(ROLLCALL_USER_SCHEMA.attributes).toHaveLength(1);
    expect(roleName).toMatchObject({
      name: 'roleName',
      type: 'string',
      multiValued: false,
      required: false,
      caseExact: false,
      mutability: 'readWrite',
      returned: 'default',
    });
    expect(roleName?.description).toMatch(/role/);
  });

  it('advertises exactly the product roles', () => {
    expect(roleName?.canonicalValues).toEqual([...ROLE_NAMES]);
  });
});
