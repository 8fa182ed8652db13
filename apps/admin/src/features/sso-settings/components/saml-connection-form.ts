import type {
  SamlConfigurationSource,
  SamlConnectionView,
  SaveSamlConnectionRequest,
} from '@rollcall/contracts';

/** How the admin gives the identity provider's settings; the same words as the API's `source`. */
export type SamlFormMode = SamlConfigurationSource;

export const SAML_FORM_MODES: { value: SamlFormMode; label: string }[] = [
  { value: 'metadata_url', label: 'App Federation Metadata URL' },
  { value: 'metadata_xml', label: 'Upload metadata XML' },
  { value: 'manual', label: 'Enter manually' },
];

export interface SamlConnectionFormValues {
  mode: SamlFormMode;
  metadataUrl: string;
  metadataXml: string;
  idpEntityId: string;
  ssoUrl: string;
  /** PEM or bare base64, one per entry; more than one during a rollover. */
  certificates: string[];
  /**
   * How many certificates a manual connection being edited already trusts: with none pasted,
   * saving keeps them (the view shows their facts, not the PEMs).
   */
  storedCertificates: number;
  allowSha1: boolean;
}

export type SamlFormField =
  'metadataUrl' | 'metadataXml' | 'idpEntityId' | 'ssoUrl' | 'certificates';
export type SamlConnectionFormErrors = Partial<Record<SamlFormField, string>>;

/** The API's limits: one to five certificates, metadata XML of at most 512 KB. */
export const MAX_CERTIFICATES = 5;
const MAX_METADATA_BYTES = 512 * 1024;
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The form for a new connection, or to edit one. The view has no certificate PEMs: editing a
 * manual setup keeps its certificates unless new ones are pasted.
 */
export function emptySamlForm(connection: SamlConnectionView | null): SamlConnectionFormValues {
  return {
    mode: connection?.source ?? 'metadata_url',
    metadataUrl: connection?.metadataUrl ?? '',
    metadataXml: '',
    idpEntityId: connection?.idpEntityId ?? '',
    ssoUrl: connection?.ssoUrl ?? '',
    certificates: [''],
    storedCertificates: connection?.source === 'manual' ? connection.certificates.length : 0,
    allowSha1: connection?.allowSha1 ?? false,
  };
}

function urlError(value: string, what: string, allowLoopbackHttp: boolean): string | null {
  const trimmed = value.trim();
  if (!trimmed) return `Enter the ${what}.`;
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return `Enter the full ${what}, starting with https://.`;
  }
  if (url.protocol === 'https:') return null;
  if (allowLoopbackHttp && url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname))
    return null;
  return `The ${what} must use https.`;
}

const PEM_BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/;

/** Why a pasted certificate cannot be one (PEM or bare base64 DER), or null. */
export function certificateError(text: string): string | null {
  const trimmed = text.trim();
  if (!trimmed) return 'Paste the certificate.';
  let body = trimmed;
  if (trimmed.startsWith('-----BEGIN')) {
    const block = PEM_BLOCK.exec(trimmed);
    if (!block) return 'The PEM has no matching -----END----- line.';
    if (block[1] !== 'CERTIFICATE') {
      return /PRIVATE KEY/.test(block[1] ?? '')
        ? 'That is a private key: paste the identity provider’s public signing certificate instead, and keep the key secret.'
        : `Expected a CERTIFICATE, not a ${block[1] ?? 'different'} block.`;
    }
    body = block[2] ?? '';
  }
  const base64 = body.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(base64) || base64.length % 4 !== 0) {
    return 'Paste the certificate as PEM (-----BEGIN CERTIFICATE-----) or as base64.';
  }
  return null;
}

/** What the form can tell before asking the server, for the chosen mode only. */
export function validateSamlForm(values: SamlConnectionFormValues): SamlConnectionFormErrors {
  const errors: SamlConnectionFormErrors = {};
  switch (values.mode) {
    case 'metadata_url': {
      const error = urlError(values.metadataUrl, 'metadata URL', true);
      if (error) errors.metadataUrl = error;
      break;
    }
    case 'metadata_xml': {
      const xml = values.metadataXml.trim();
      if (!xml) errors.metadataXml = 'Upload or paste the federation metadata XML.';
      else if (new TextEncoder().encode(xml).length > MAX_METADATA_BYTES)
        errors.metadataXml = 'The metadata is larger than 512 KB.';
      else if (!/<([\w-]+:)?EntityDescriptor[\s>]/.test(xml))
        errors.metadataXml = 'This is not SAML metadata: it has no EntityDescriptor element.';
      break;
    }
    case 'manual': {
      if (!values.idpEntityId.trim())
        errors.idpEntityId =
          'Enter the identity provider’s entity ID (in Entra: Microsoft Entra Identifier).';
      const sso = urlError(values.ssoUrl, 'login URL', false);
      if (sso) errors.ssoUrl = sso;
      const certificates = values.certificates.filter((c) => c.trim() !== '');
      if (certificates.length === 0 && values.storedCertificates === 0)
        errors.certificates = 'Paste at least one signing certificate.';
      else if (certificates.length > MAX_CERTIFICATES)
        errors.certificates = `At most ${MAX_CERTIFICATES} certificates.`;
      else {
        const index = certificates.findIndex((c) => certificateError(c) !== null);
        const found = index >= 0 ? certificateError(certificates[index] ?? '') : null;
        if (found) {
          errors.certificates =
            certificates.length > 1 ? `Certificate ${index + 1}: ${found}` : found;
        }
      }
      break;
    }
  }
  return errors;
}

/** The request body: exactly one of the three ways, trimmed, and the SHA-1 choice. */
export function toSaveSamlRequest(values: SamlConnectionFormValues): SaveSamlConnectionRequest {
  switch (values.mode) {
    case 'metadata_url':
      return { metadataUrl: values.metadataUrl.trim(), allowSha1: values.allowSha1 };
    case 'metadata_xml':
      return { metadataXml: values.metadataXml.trim(), allowSha1: values.allowSha1 };
    case 'manual': {
      const certificates = values.certificates.map((c) => c.trim()).filter((c) => c !== '');
      return {
        idpEntityId: values.idpEntityId.trim(),
        ssoUrl: values.ssoUrl.trim(),
        // None pasted while editing: the stored certificates stay.
        ...(certificates.length > 0 ? { certificates } : {}),
        allowSha1: values.allowSha1,
      };
    }
  }
}

/**
 * The field a server refusal belongs to, so its message shows there; null = a form-level alert.
 * `SAML_METADATA_INVALID` names what was wrong with what the admin gave in this mode.
 */
export function fieldOfSamlSaveError(
  code: string,
  mode: SamlFormMode,
  message = '',
): SamlFormField | null {
  switch (code) {
    case 'SAML_METADATA_UNREACHABLE':
      return 'metadataUrl';
    case 'SAML_METADATA_INVALID':
      if (mode === 'metadata_url') return 'metadataUrl';
      if (mode === 'metadata_xml') return 'metadataXml';
      return /ssoUrl|login url|sso url/i.test(message) ? 'ssoUrl' : 'certificates';
    case 'VALIDATION_FAILED':
      if (mode === 'metadata_url') return 'metadataUrl';
      if (mode === 'metadata_xml') return 'metadataXml';
      if (/certificate/i.test(message)) return 'certificates';
      if (/ssoUrl|login url|sso url/i.test(message)) return 'ssoUrl';
      if (/entity/i.test(message)) return 'idpEntityId';
      return null;
    default:
      return null;
  }
}
