import { isEntraTenantId, tenantIssuer } from './entra-issuer';

const TID = '9188040d-6c67-4c5b-b112-36a304b66dad';

describe('tenantIssuer', () => {
  it.each([
    [
      'https://login.microsoftonline.com/{tenantid}/v2.0',
      TID,
      `https://login.microsoftonline.com/${TID}/v2.0`,
    ],
    ['http://127.0.0.1:4000/{tenantid}/v2.0', TID, `http://127.0.0.1:4000/${TID}/v2.0`],
    [
      `https://login.microsoftonline.com/${TID}/v2.0`,
      TID,
      `https://login.microsoftonline.com/${TID}/v2.0`,
    ],
  ])('fills %s with the token tid', (template, tid, expected) => {
    expect(tenantIssuer(template, tid)).toBe(expected);
  });

  it.each([undefined, '', 'common', '../evil', 42, `${TID}/x`])(
    'refuses an unusable tid %p',
    (tid) => {
      expect(tenantIssuer('https://login.microsoftonline.com/{tenantid}/v2.0', tid)).toBeNull();
      expect(isEntraTenantId(tid)).toBe(false);
    },
  );
});
