import type { SamlConnectionView } from '@rollcall/contracts';
import {
  certificateError,
  emptySamlForm,
  fieldOfSamlSaveError,
  toSaveSamlRequest,
  validateSamlForm,
  type SamlConnectionFormValues,
} from './saml-connection-form';

// Not a real certificate: the checks here are on shape only (the API parses the DER).
const BASE64 = 'MIIBszCCAVmgAwIBAgIUQm9ndXNDZXJ0aWZpY2F0ZUZvclRlc3Rz';
const PEM = `-----BEGIN CERTIFICATE-----\n${BASE64.slice(0, 24)}\n${BASE64.slice(24)}\n-----END CERTIFICATE-----`;
const METADATA_URL =
  'https://login.microsoftonline.com/t/federationmetadata/2007-06/federationmetadata.xml?appid=a';

const aForm = (overrides: Partial<SamlConnectionFormValues> = {}): SamlConnectionFormValues => ({
  ...emptySamlForm(null),
  ...overrides,
});

const aConnection = (overrides: Partial<SamlConnectionView> = {}): SamlConnectionView => ({
  source: 'manual',
  metadataUrl: null,
  idpEntityId: 'https://sts.windows.net/t/',
  ssoUrl: 'https://login.microsoftonline.com/t/saml2',
  certificates: [],
  allowSha1: true,
  metadataRefreshedAt: null,
  metadataRefreshError: null,
  signInUrl: 'https://r.example/api/auth/saml/acme',
  updatedAt: '2026-01-01T00:00:00Z',
  updatedBy: 'a@acme.example',
  ...overrides,
});

describe('emptySamlForm', () => {
  it('starts on the metadata URL, what Entra shows', () => {
    expect(emptySamlForm(null)).toMatchObject({ mode: 'metadata_url', allowSha1: false });
  });

  it('edits a saved connection in the way it was given', () => {
    expect(emptySamlForm(aConnection())).toMatchObject({
      mode: 'manual',
      idpEntityId: 'https://sts.windows.net/t/',
      ssoUrl: 'https://login.microsoftonline.com/t/saml2',
      certificates: [''],
      allowSha1: true,
    });
    expect(
      emptySamlForm(aConnection({ source: 'metadata_url', metadataUrl: METADATA_URL })),
    ).toMatchObject({ mode: 'metadata_url', metadataUrl: METADATA_URL });
  });
});

describe('toSaveSamlRequest', () => {
  it('sends only the metadata URL in that mode, whatever else was typed', () => {
    const values = aForm({
      metadataUrl: ` ${METADATA_URL} `,
      idpEntityId: 'typed earlier',
      metadataXml: '<EntityDescriptor/>',
    });
    expect(toSaveSamlRequest(values)).toEqual({ metadataUrl: METADATA_URL, allowSha1: false });
  });

  it('sends only the XML in that mode', () => {
    const values = aForm({
      mode: 'metadata_xml',
      metadataUrl: METADATA_URL,
      metadataXml: ' <md:EntityDescriptor/> ',
      allowSha1: true,
    });
    expect(toSaveSamlRequest(values)).toEqual({
      metadataXml: '<md:EntityDescriptor/>',
      allowSha1: true,
    });
  });

  it('sends the manual fields with every non-empty certificate', () => {
    const values = aForm({
      mode: 'manual',
      metadataUrl: METADATA_URL,
      idpEntityId: ' https://sts.windows.net/t/ ',
      ssoUrl: 'https://login.microsoftonline.com/t/saml2',
      certificates: [` ${PEM} `, '  ', BASE64],
    });
    expect(toSaveSamlRequest(values)).toEqual({
      idpEntityId: 'https://sts.windows.net/t/',
      ssoUrl: 'https://login.microsoftonline.com/t/saml2',
      certificates: [PEM, BASE64],
      allowSha1: false,
    });
  });
});

describe('validateSamlForm', () => {
  it('accepts a complete form in each mode', () => {
    expect(validateSamlForm(aForm({ metadataUrl: METADATA_URL }))).toEqual({});
    expect(
      validateSamlForm(
        aForm({
          mode: 'metadata_xml',
          metadataXml:
            '<?xml version="1.0"?><md:EntityDescriptor entityID="x"></md:EntityDescriptor>',
        }),
      ),
    ).toEqual({});
    expect(
      validateSamlForm(
        aForm({
          mode: 'manual',
          idpEntityId: 'https://sts.windows.net/t/',
          ssoUrl: 'https://login.microsoftonline.com/t/saml2',
          certificates: [PEM, ''],
        }),
      ),
    ).toEqual({});
  });

  it('checks only the chosen mode', () => {
    expect(validateSamlForm(aForm({ metadataUrl: '' }))).toEqual({
      metadataUrl: 'Enter the metadata URL.',
    });
    expect(validateSamlForm(aForm({ mode: 'manual', metadataUrl: 'nonsense' }))).toEqual({
      idpEntityId: expect.stringContaining('entity ID') as unknown as string,
      ssoUrl: 'Enter the login URL.',
      certificates: 'Paste at least one signing certificate.',
    });
  });

  it('wants https, and http only on the loopback for metadata', () => {
    expect(validateSamlForm(aForm({ metadataUrl: 'http://idp.example/md' })).metadataUrl).toBe(
      'The metadata URL must use https.',
    );
    expect(validateSamlForm(aForm({ metadataUrl: 'http://127.0.0.1:8080/md' }))).toEqual({});
    expect(validateSamlForm(aForm({ metadataUrl: 'idp.example/md' })).metadataUrl).toMatch(
      /full metadata URL/,
    );
    const manual = aForm({
      mode: 'manual',
      idpEntityId: 'urn:idp',
      ssoUrl: 'http://localhost/sso',
      certificates: [PEM],
    });
    expect(validateSamlForm(manual).ssoUrl).toBe('The login URL must use https.');
  });

  it('refuses XML that is not metadata', () => {
    expect(
      validateSamlForm(aForm({ mode: 'metadata_xml', metadataXml: '<html></html>' })).metadataXml,
    ).toMatch(/EntityDescriptor/);
    expect(validateSamlForm(aForm({ mode: 'metadata_xml' })).metadataXml).toMatch(
      /Upload or paste/,
    );
  });

  it('names the bad certificate and caps them at five', () => {
    const manual = (certificates: string[]) =>
      validateSamlForm(
        aForm({ mode: 'manual', idpEntityId: 'urn:idp', ssoUrl: 'https://idp/sso', certificates }),
      ).certificates;
    expect(manual([PEM, 'not a cert!'])).toMatch(/^Certificate 2: /);
    expect(manual(Array.from({ length: 6 }, () => PEM))).toBe('At most 5 certificates.');
  });
});

describe('certificateError', () => {
  it('takes PEM and bare base64', () => {
    expect(certificateError(PEM)).toBeNull();
    expect(certificateError(`${BASE64.slice(0, 20)}\n${BASE64.slice(20)}`)).toBeNull();
  });

  it('refuses a private key, other blocks and non-base64', () => {
    expect(
      certificateError('-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----'),
    ).toMatch(/private key/);
    expect(certificateError('-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----')).toMatch(
      /not a PUBLIC KEY/,
    );
    expect(certificateError('-----BEGIN CERTIFICATE-----\nAAAA')).toMatch(/END/);
    expect(certificateError('abc')).toMatch(/PEM/);
  });
});

describe('fieldOfSamlSaveError', () => {
  it('puts the server’s message next to the field it is about', () => {
    expect(fieldOfSamlSaveError('SAML_METADATA_UNREACHABLE', 'metadata_url')).toBe('metadataUrl');
    expect(fieldOfSamlSaveError('SAML_METADATA_INVALID', 'metadata_url')).toBe('metadataUrl');
    expect(fieldOfSamlSaveError('SAML_METADATA_INVALID', 'metadata_xml')).toBe('metadataXml');
    expect(
      fieldOfSamlSaveError('SAML_METADATA_INVALID', 'manual', 'certificate 1 is not X.509'),
    ).toBe('certificates');
    expect(fieldOfSamlSaveError('VALIDATION_FAILED', 'manual', 'ssoUrl must be https')).toBe(
      'ssoUrl',
    );
    expect(fieldOfSamlSaveError('VALIDATION_FAILED', 'manual', 'idpEntityId is empty')).toBe(
      'idpEntityId',
    );
    expect(fieldOfSamlSaveError('VALIDATION_FAILED', 'manual', 'something')).toBeNull();
    expect(fieldOfSamlSaveError('SERVER_ERROR', 'metadata_url')).toBeNull();
  });
});

describe('editing a manual connection', () => {
  const certificateFacts = {
    fingerprintSha256: 'AA:BB',
    subject: 'CN=IdP',
    notBefore: '2026-01-01T00:00:00Z',
    notAfter: '2027-01-01T00:00:00Z',
    status: 'valid' as const,
    daysUntilExpiry: 200,
  };
  const editing = emptySamlForm(aConnection({ certificates: [certificateFacts] }));

  it('keeps the stored certificates when none is pasted', () => {
    expect(editing.storedCertificates).toBe(1);
    expect(validateSamlForm(editing)).toEqual({});
    expect(toSaveSamlRequest(editing)).toEqual({
      idpEntityId: 'https://sts.windows.net/t/',
      ssoUrl: 'https://login.microsoftonline.com/t/saml2',
      allowSha1: true,
    });
  });

  it('replaces them with what is pasted', () => {
    expect(toSaveSamlRequest({ ...editing, certificates: [PEM, ' '] })).toMatchObject({
      certificates: [PEM],
    });
  });

  it('a metadata connection switched to manual has none to keep', () => {
    const switched = {
      ...emptySamlForm(aConnection({ source: 'metadata_url', certificates: [certificateFacts] })),
      mode: 'manual' as const,
    };
    expect(switched.storedCertificates).toBe(0);
    expect(validateSamlForm(switched).certificates).toBe('Paste at least one signing certificate.');
  });
});
