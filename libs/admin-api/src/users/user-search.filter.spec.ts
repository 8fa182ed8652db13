import { parseFilter } from '@rollcall/scim-core';
import { userSearchFilter } from './user-search.filter';

describe('userSearchFilter', () => {
  it.each([
    [undefined, 'all', undefined],
    ['   ', 'all', undefined],
    [undefined, 'active', 'active eq true'],
    [undefined, 'deactivated', 'active eq false'],
    [' ada ', 'all', '(userName co "ada" or displayName co "ada" or emails.value co "ada")'],
    [
      'ada',
      'deactivated',
      '(userName co "ada" or displayName co "ada" or emails.value co "ada") and active eq false',
    ],
  ] as const)('%j / %s → %s', (search, status, expected) => {
    expect(userSearchFilter(search, status)).toBe(expected);
  });

  it.each(['say "hi"', 'back\\slash', 'a) or (id pr', 'tab\there', 'ünï ☃', '%_'])(
    'keeps %j one literal value the parser reads back',
    (search) => {
      const filter = userSearchFilter(search, 'active') ?? '';
      const ast = JSON.stringify(parseFilter(filter));
      expect(ast).toContain(JSON.stringify(search));
      expect(ast.split(JSON.stringify(search)).length - 1).toBe(3);
    },
  );
});
