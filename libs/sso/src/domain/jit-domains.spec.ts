import { isJitDomain, MAX_JIT_DOMAINS, normalizeJitDomains } from './jit-domains';
import { SsoError } from './sso.error';

describe('normalizeJitDomains', () => {
  it('lower-cases, trims, drops a leading @, deduplicates and sorts', () => {
    expect(normalizeJitDomains([' Contoso.COM', '@fabrikam.example', 'contoso.com'])).toEqual([
      'contoso.com',
      'fabrikam.example',
    ]);
    expect(normalizeJitDomains([])).toEqual([]);
  });

  it.each(['*', '*.contoso.com', 'ada@contoso.com', 'contoso', '', 'con toso.com', '-x.com'])(
    'refuses %j',
    (domain) => {
      expect(() => normalizeJitDomains([domain])).toThrow(
        expect.objectContaining({ code: 'JIT_DOMAIN_INVALID' }) as SsoError,
      );
    },
  );

  it('refuses more than the maximum', () => {
    const many = Array.from({ length: MAX_JIT_DOMAINS + 1 }, (_, i) => `d${i}.example`);
    expect(() => normalizeJitDomains(many)).toThrow(SsoError);
  });
});

describe('isJitDomain', () => {
  it('matches the exact domain after the last @, case-insensitively', () => {
    expect(isJitDomain('Ada@Contoso.com', ['contoso.com'])).toBe(true);
    expect(isJitDomain('ada@evilcontoso.com', ['contoso.com'])).toBe(false);
    expect(isJitDomain('ada@sub.contoso.com', ['contoso.com'])).toBe(false);
    expect(isJitDomain('contoso.com', ['contoso.com'])).toBe(false);
    expect(isJitDomain('ada@contoso.com', [])).toBe(false);
  });
});
