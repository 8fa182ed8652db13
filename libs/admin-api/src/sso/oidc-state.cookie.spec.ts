import {
  browserBoundState,
  clearedOidcStateCookie,
  memberSessionCookie,
  oidcStateCookie,
  readMemberSessionCookie,
} from './oidc-state.cookie';

describe('member session and sign-in state cookies', () => {
  it('names the member session __Host- over https, with the attributes the prefix demands', () => {
    const cookie = memberSessionCookie('secret', 600, true);
    expect(cookie).toMatch(/^__Host-rollcall_member_session=secret; /);
    expect(cookie).toContain('Path=/');
    expect(cookie).toContain('Secure');
    expect(cookie).not.toMatch(/Domain=/i);
    expect(memberSessionCookie('secret', 600, false)).toMatch(/^rollcall_member_session=secret; /);
  });

  it('reads the member session only under the name this origin sets', () => {
    expect(readMemberSessionCookie('__Host-rollcall_member_session=mine', true)).toBe('mine');
    // Over https, a bare-named cookie may have been planted by a sibling or an http page.
    expect(readMemberSessionCookie('rollcall_member_session=planted', true)).toBeUndefined();
    expect(readMemberSessionCookie('rollcall_member_session=mine', false)).toBe('mine');
  });

  it('names the state cookie __Secure- over https and binds the callback to it', () => {
    const cookie = oidcStateCookie('st4te', true);
    expect(cookie).toMatch(/^__Secure-rollcall_oidc_state=st4te; /);
    expect(cookie).toContain('Secure');
    expect(clearedOidcStateCookie(true)).toMatch(/^__Secure-rollcall_oidc_state=; Max-Age=0/);
    expect(browserBoundState('st4te', '__Secure-rollcall_oidc_state=st4te', true)).toBe('st4te');
    expect(browserBoundState('st4te', 'rollcall_oidc_state=st4te', true)).toBeUndefined();
    expect(browserBoundState('st4te', 'rollcall_oidc_state=st4te', false)).toBe('st4te');
    expect(browserBoundState('other', '__Secure-rollcall_oidc_state=st4te', true)).toBeUndefined();
  });
});
