import { isAdminApiPath } from './no-store';

describe('isAdminApiPath', () => {
  it.each([
    ['/api', true],
    ['/api/', true],
    ['/api/auth/login', true],
    ['/API/Auth', true],
    ['/apix', false],
    ['/ap', false],
    ['/scim/v2/Users', false],
    ['/', false],
    ['/x/api', false],
  ])('%s → %s, as app.use("/api") matches', (path, expected) => {
    expect(isAdminApiPath(path)).toBe(expected);
  });
});
