import type { SsoPolicyView } from '@rollcall/contracts';
import {
  hasConnectedProvider,
  jitChoice,
  jitExplanation,
  jitValue,
  parseJitDomains,
} from './sso-policy.format';

const aPolicy = (overrides: Partial<SsoPolicyView> = {}): SsoPolicyView => ({
  requireSso: false,
  jitProvisioning: null,
  jitEffective: false,
  jitDomains: ['initech.example'],
  externalIdIsObjectId: false,
  requireTwoFactor: false,
  ...overrides,
});

describe('jitChoice / jitValue', () => {
  it.each([
    [null, 'default'],
    [true, 'on'],
    [false, 'off'],
  ] as const)('%p ⇄ %s', (value, choice) => {
    expect(jitChoice(value)).toBe(choice);
    expect(jitValue(choice)).toBe(value);
  });
});

describe('jitExplanation', () => {
  it('says the default follows provisioning, and which way it resolved', () => {
    const whileScimOn = jitExplanation(aPolicy({ jitEffective: false }), true);
    expect(whileScimOn.effectiveLabel).toBe('Off');
    expect(whileScimOn.reason).toMatch(/^Default: off, because provisioning is on/);

    const whileScimOff = jitExplanation(aPolicy({ jitEffective: true }), false);
    expect(whileScimOff.effectiveLabel).toBe('On');
    expect(whileScimOff.reason).toMatch(/^Default: on, because provisioning is off/);
  });

  it('explains an explicit choice, and warns when it overrides provisioning', () => {
    const on = jitExplanation(aPolicy({ jitProvisioning: true, jitEffective: true }), true);
    expect(on.effectiveLabel).toBe('On');
    expect(on.reason).toMatch(/even before Entra provisions them/);
    expect(
      jitExplanation(aPolicy({ jitProvisioning: true, jitEffective: true }), false).reason,
    ).not.toMatch(/Entra/);

    const off = jitExplanation(aPolicy({ jitProvisioning: false, jitEffective: false }), false);
    expect(off.effectiveLabel).toBe('Off');
    expect(off.reason).toMatch(/^Off: only people who already have an account/);
  });

  it('says JIT stays off until a domain is listed, and names the listed ones', () => {
    const none = jitExplanation(aPolicy({ jitProvisioning: true, jitDomains: [] }), true);
    expect(none.effectiveLabel).toBe('Off');
    expect(none.reason).toMatch(/list your organization’s e-mail domains/);
    expect(
      jitExplanation(aPolicy({ jitProvisioning: true, jitEffective: true }), true).reason,
    ).toContain('initech.example');
  });

  it('reports what the server resolved, not what it guesses', () => {
    // The server is the judge of the default; the text follows jitEffective.
    expect(jitExplanation(aPolicy({ jitEffective: true }), true).effectiveLabel).toBe('On');
  });
});

describe('hasConnectedProvider', () => {
  it('needs Microsoft, a custom provider or a SAML identity provider', () => {
    expect(hasConnectedProvider({ microsoft: null, oidc: null, saml: null })).toBe(false);
    expect(
      hasConnectedProvider({
        microsoft: null,
        oidc: null,
        saml: {
          source: 'metadata_url',
          metadataUrl:
            'https://login.microsoftonline.com/t/federationmetadata/2007-06/federationmetadata.xml',
          idpEntityId: 'https://sts.windows.net/t/',
          ssoUrl: 'https://login.microsoftonline.com/t/saml2',
          certificates: [],
          allowSha1: false,
          metadataRefreshedAt: '2026-01-01T00:00:00Z',
          metadataRefreshError: null,
          signInUrl: 'https://r/api/auth/saml/acme',
          updatedAt: '2026-01-01T00:00:00Z',
          updatedBy: 'a@b.c',
        },
      }),
    ).toBe(true);
    expect(
      hasConnectedProvider({
        microsoft: { tenantId: 't', connectedBy: 'a@b.c', connectedAt: '2026-01-01T00:00:00Z' },
        oidc: null,
        saml: null,
      }),
    ).toBe(true);
    expect(
      hasConnectedProvider({
        microsoft: null,
        oidc: {
          displayName: 'Okta',
          issuer: 'https://acme.okta.com',
          clientId: 'c',
          redirectUri: 'https://r/cb',
          signInUrl: 'https://r/api/auth/oidc/acme',
          updatedAt: '2026-01-01T00:00:00Z',
          updatedBy: 'a@b.c',
        },
        saml: null,
      }),
    ).toBe(true);
  });
});

describe('parseJitDomains', () => {
  it('splits on commas, spaces and lines; lower-cases; drops @ and duplicates', () => {
    expect(parseJitDomains(' Contoso.com, @fabrikam.example\ncontoso.com ;')).toEqual([
      'contoso.com',
      'fabrikam.example',
    ]);
    expect(parseJitDomains('  ')).toEqual([]);
  });
});
