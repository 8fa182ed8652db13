import {
  ENTRA_CLAIMS,
  FORGED_NAME_ID,
  SamlIdp,
  signDocumentElement,
  type SamlResponseOptions,
} from './testing';
import {
  SAML_CLOCK_SKEW_MS,
  SamlValidationError,
  validateSamlResponse,
} from './saml-response.validator';
import type { SamlRefusal } from './saml-response.validator';
import type { SamlTrust } from './saml-trust';
import { generateServiceProviderKey } from './sp-key';

const ACS = 'https://rollcall.example/api/sso/saml/org_1/acs';
const SP_ENTITY_ID = 'https://rollcall.example/api/sso/saml/org_1';
const MINUTE = 60_000;

let idp: SamlIdp;
let spKey: { privateKeyPem: string; certificatePem: string };
let otherSpKey: { privateKeyPem: string; certificatePem: string };

beforeAll(async () => {
  idp = await SamlIdp.start();
  [spKey, otherSpKey] = await Promise.all([
    generateServiceProviderKey('rollcall.example'),
    generateServiceProviderKey('someone-else.example'),
  ]);
});

afterAll(async () => {
  await idp.stop();
});

function aTrust(overrides: Partial<SamlTrust> = {}): SamlTrust {
  return {
    idpEntityId: idp.entityId,
    ssoUrl: idp.ssoUrl,
    certificates: [idp.certificatePem],
    allowSha1: false,
    spEntityId: SP_ENTITY_ID,
    acsUrl: ACS,
    spPrivateKeyPem: spKey.privateKeyPem,
    ...overrides,
  };
}

function aResponse(overrides: Partial<SamlResponseOptions> = {}): Promise<string> {
  return idp.response({
    acsUrl: ACS,
    audience: SP_ENTITY_ID,
    inResponseTo: '_request1',
    nameId: 'ada.lovelace@example.com',
    ...overrides,
  });
}

/** Edited after signing would break the signature: edit an unsigned response, then sign the Response. */
async function editedAndSigned(edit: (xml: string) => string): Promise<string> {
  const unsigned = Buffer.from(await aResponse({ sign: 'none' }), 'base64').toString();
  return Buffer.from(signDocumentElement(edit(unsigned), otherSpKey, 'sha256')).toString('base64');
}

function trustingOtherKey(): SamlTrust {
  return aTrust({ certificates: [otherSpKey.certificatePem] });
}

async function refusal(samlResponse: unknown, trust: SamlTrust = aTrust()): Promise<SamlRefusal> {
  try {
    await validateSamlResponse(samlResponse, trust);
  } catch (error) {
    if (error instanceof SamlValidationError) return error.reason;
    throw error;
  }
  throw new Error('The response was accepted');
}

describe('validateSamlResponse', () => {
  it('accepts an Entra-shaped response and returns what the verified assertion says', async () => {
    const notOnOrAfter = new Date(Date.now() + 60 * MINUTE);
    const subjectNotOnOrAfter = new Date(Date.now() + 5 * MINUTE);
    const validated = await validateSamlResponse(
      await aResponse({
        assertionId: '_assertion42',
        notOnOrAfter,
        subjectNotOnOrAfter,
        attributes: { [ENTRA_CLAIMS.emailaddress]: 'ada@example.com', groups: ['a', 'b'] },
      }),
      aTrust(),
    );
    expect(validated).toEqual({
      assertionId: '_assertion42',
      acceptableUntil: new Date(subjectNotOnOrAfter.getTime() + SAML_CLOCK_SKEW_MS),
      inResponseTo: '_request1',
      issuer: idp.entityId,
      nameId: 'ada.lovelace@example.com',
      nameIdFormat: 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress',
      attributes: { [ENTRA_CLAIMS.emailaddress]: ['ada@example.com'], groups: ['a', 'b'] },
    });
  });

  it('reports an IdP-initiated response (no InResponseTo) as inResponseTo null', async () => {
    const validated = await validateSamlResponse(await aResponse({ inResponseTo: null }), aTrust());
    expect(validated.inResponseTo).toBeNull();
  });

  it.each(['response', 'assertion', 'both'] as const)(
    'accepts a response signed on: %s',
    async (sign) => {
      const validated = await validateSamlResponse(await aResponse({ sign }), aTrust());
      expect(validated.nameId).toBe('ada.lovelace@example.com');
    },
  );

  describe('refuses with exactly the reason', () => {
    const cases: ReadonlyArray<[SamlRefusal, string, () => Promise<unknown>, (() => SamlTrust)?]> =
      [
        ['malformed', 'not base64', async () => '%%% not base64 %%%'],
        ['malformed', 'not a string', async () => ({ SAMLResponse: 'x' })],
        ['malformed', 'not XML', async () => Buffer.from('<samlp:Response').toString('base64')],
        [
          'malformed',
          'a DOCTYPE',
          async () =>
            Buffer.from(
              '<!DOCTYPE r [<!ENTITY a "aaaa">]>' +
                Buffer.from(await aResponse(), 'base64').toString(),
            ).toString('base64'),
        ],
        [
          'malformed',
          'larger than 256 KiB',
          async () => Buffer.from(`<x>${'a'.repeat(257 * 1024)}</x>`).toString('base64'),
        ],
        [
          'malformed',
          'not a Response',
          async () =>
            Buffer.from(
              '<samlp:AuthnRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol"/>',
            ).toString('base64'),
        ],
        [
          'status',
          'a Requester status',
          () => aResponse({ status: 'urn:oasis:names:tc:SAML:2.0:status:Requester' }),
        ],
        ['signature', 'no signature at all', () => aResponse({ sign: 'none' })],
        ['sha1', 'a SHA-1 signature', () => aResponse({ algorithm: 'sha1' })],
        [
          'issuer',
          'another issuer',
          () => aResponse({ issuer: 'https://sts.windows.net/other-tenant/' }),
        ],
        [
          'audience',
          'another audience',
          () => aResponse({ audience: 'https://someone-else.example' }),
        ],
        [
          'destination',
          'another Destination',
          () => aResponse({ destination: 'https://evil.example/acs' }),
        ],
        [
          'recipient',
          'another Recipient',
          () => aResponse({ recipient: 'https://evil.example/acs' }),
        ],
        ['recipient', 'no Recipient', () => aResponse({ recipient: null })],
        [
          'not_yet_valid',
          'NotBefore in 5 minutes',
          () => aResponse({ notBefore: new Date(Date.now() + 5 * MINUTE) }),
        ],
        [
          'expired',
          'Conditions expired 5 minutes ago',
          () => aResponse({ notOnOrAfter: new Date(Date.now() - 5 * MINUTE) }),
        ],
        [
          'expired',
          'SubjectConfirmationData expired 5 minutes ago',
          () => aResponse({ subjectNotOnOrAfter: new Date(Date.now() - 5 * MINUTE) }),
        ],
        [
          'in_response_to_mismatch',
          'an assertion answering another request',
          async () => {
            const xml = Buffer.from(await aResponse({ sign: 'assertion' }), 'base64').toString();
            // The Response element is unsigned here: an attacker can rewrite its InResponseTo.
            return Buffer.from(
              xml.replace(/(<samlp:Response[^>]*InResponseTo=")_request1"/, '$1_request2"'),
            ).toString('base64');
          },
        ],
        [
          'encryption',
          'an assertion encrypted to another key',
          () => aResponse({ encryptTo: otherSpKey.certificatePem }),
        ],
        ['subject', 'no NameID', () => aResponse({ nameId: '' })],
        [
          'subject',
          'a transient NameID',
          () => aResponse({ nameIdFormat: 'urn:oasis:names:tc:SAML:2.0:nameid-format:transient' }),
        ],
      ];

    it.each(cases.map(([reason, what, build, trust]) => ({ reason, what, build, trust })))(
      '$reason: $what',
      async ({ reason, build, trust }) => {
        expect(await refusal(await build(), trust?.() ?? aTrust())).toBe(reason);
      },
    );
  });

  it('sees the in_response_to_mismatch rewrite succeed when untouched', async () => {
    await expect(
      validateSamlResponse(await aResponse({ sign: 'assertion' }), aTrust()),
    ).resolves.toMatchObject({
      inResponseTo: '_request1',
    });
  });

  it('refuses a response signed by a certificate it was not given', async () => {
    const stranger = await generateServiceProviderKey('stranger');
    expect(await refusal(await aResponse({ signWith: stranger, sign: 'both' }))).toBe('signature');
  });

  it('accepts a signature by any configured certificate (rollover)', async () => {
    const next = await generateServiceProviderKey('next signing certificate');
    const trust = aTrust({ certificates: [idp.certificatePem, next.certificatePem] });
    await expect(
      validateSamlResponse(await aResponse({ signWith: next }), trust),
    ).resolves.toMatchObject({
      nameId: 'ada.lovelace@example.com',
    });
    expect(await refusal(await aResponse({ signWith: next }), aTrust())).toBe('signature');
  });

  describe('signature wrapping', () => {
    it.each([
      [
        'a forged assertion injected next to a signed assertion',
        { sign: 'assertion', wrap: 'inject_unsigned_assertion' },
      ],
      [
        'a forged assertion injected into a signed response',
        { sign: 'response', wrap: 'inject_unsigned_assertion' },
      ],
      [
        'the signed assertion moved into Extensions',
        { sign: 'assertion', wrap: 'signed_assertion_in_extensions' },
      ],
      [
        'the signed response wrapped in Extensions',
        { sign: 'response', wrap: 'signed_assertion_in_extensions' },
      ],
    ] as const)('refuses %s', async (_what, options) => {
      expect(await refusal(await aResponse(options))).toBe('signature');
    });

    // Signed over the Extensions too: node-saml alone would take the Response's direct-child
    // assertion and ignore the other one; we refuse any second assertion, wherever it hides.
    it('refuses a signed response carrying an unsigned assertion in its Extensions', async () => {
      const forged = Buffer.from(
        await aResponse({ sign: 'none', nameId: FORGED_NAME_ID }),
        'base64',
      )
        .toString()
        .match(/<Assertion[\s\S]*<\/Assertion>/)?.[0];
      const samlResponse = await editedAndSigned((xml) =>
        xml.replace(
          '<samlp:Status>',
          `<samlp:Extensions>${forged}</samlp:Extensions><samlp:Status>`,
        ),
      );
      expect(await refusal(samlResponse, trustingOtherKey())).toBe('signature');
    });
  });

  describe('encrypted assertions', () => {
    it.each(['aes256-gcm', 'aes256-cbc'] as const)(
      'decrypts %s with the SP key',
      async (encryptionAlgorithm) => {
        const validated = await validateSamlResponse(
          await aResponse({ encryptTo: spKey.certificatePem, encryptionAlgorithm }),
          aTrust(),
        );
        expect(validated.nameId).toBe('ada.lovelace@example.com');
      },
    );

    it('refuses an encrypted assertion whose inner assertion is unsigned', async () => {
      expect(
        await refusal(await aResponse({ encryptTo: spKey.certificatePem, sign: 'none' })),
      ).toBe('signature');
    });

    it('refuses a SHA-1 signature hidden inside the encryption', async () => {
      expect(
        await refusal(await aResponse({ encryptTo: spKey.certificatePem, algorithm: 'sha1' })),
      ).toBe('sha1');
    });
  });

  describe('assertions node-saml trips over', () => {
    it('passes unedited', async () => {
      await expect(
        validateSamlResponse(await editedAndSigned((xml) => xml), trustingOtherKey()),
      ).resolves.toBeDefined();
    });

    it.each([
      [
        'audience',
        'no Conditions at all',
        (xml: string) => xml.replace(/<Conditions[\s\S]*<\/Conditions>/, ''),
      ],
      [
        'expired',
        'Conditions without NotOnOrAfter',
        (xml: string) => xml.replace(/(<Conditions NotBefore="[^"]*") NotOnOrAfter="[^"]*"/, '$1'),
      ],
      [
        'expired',
        'a bearer confirmation without NotOnOrAfter',
        (xml: string) => xml.replace(/(<SubjectConfirmationData[^>]*?) NotOnOrAfter="[^"]*"/, '$1'),
      ],
      [
        'malformed',
        'a NotBefore that is not a date',
        (xml: string) => xml.replace(/(<Conditions NotBefore=")[^"]*"/, '$1yesterday"'),
      ],
    ])('%s: %s', async (reason, _what, edit) => {
      expect(await refusal(await editedAndSigned(edit), trustingOtherKey())).toBe(reason);
    });
  });

  it('accepts SHA-1 when the connection allows it', async () => {
    const validated = await validateSamlResponse(
      await aResponse({ algorithm: 'sha1' }),
      aTrust({ allowSha1: true }),
    );
    expect(validated.nameId).toBe('ada.lovelace@example.com');
  });

  describe('clock skew', () => {
    it('accepts a NotOnOrAfter 2 minutes ago', async () => {
      const past = new Date(Date.now() - 2 * MINUTE);
      const validated = await validateSamlResponse(
        await aResponse({ notOnOrAfter: past, subjectNotOnOrAfter: past }),
        aTrust(),
      );
      expect(validated.acceptableUntil).toEqual(new Date(past.getTime() + SAML_CLOCK_SKEW_MS));
    });

    it('accepts a NotBefore 2 minutes ahead', async () => {
      await expect(
        validateSamlResponse(
          await aResponse({ notBefore: new Date(Date.now() + 2 * MINUTE) }),
          aTrust(),
        ),
      ).resolves.toBeDefined();
    });

    it('refuses a NotOnOrAfter 5 minutes ago', async () => {
      const past = new Date(Date.now() - 5 * MINUTE);
      expect(
        await refusal(await aResponse({ notOnOrAfter: past, subjectNotOnOrAfter: past })),
      ).toBe('expired');
    });
  });

  it('accepts a response without Destination (it is optional when the Recipient matches)', async () => {
    await expect(
      validateSamlResponse(await aResponse({ destination: null }), aTrust()),
    ).resolves.toBeDefined();
  });

  it('never throws anything but SamlValidationError for hostile input', async () => {
    const inputs: unknown[] = [
      undefined,
      null,
      42,
      '',
      '====',
      Buffer.from('<?xml version="1.0"?>').toString('base64'),
      Buffer.from('<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol"/>').toString(
        'base64',
      ),
      Buffer.from(
        '<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol"><samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status><Assertion xmlns="urn:oasis:names:tc:SAML:2.0:assertion"/></samlp:Response>',
      ).toString('base64'),
    ];
    for (const input of inputs) {
      await expect(validateSamlResponse(input, aTrust())).rejects.toBeInstanceOf(
        SamlValidationError,
      );
    }
  });
});
