import { Injectable } from '@nestjs/common';
import { OutboundError, OutboundHttp } from '@rollcall/outbound';
import type { SamlIdpSettings } from '../domain/saml-connection';
import { SsoError } from '../domain/sso.error';
import { normalizeCertificate, parseIdpMetadata, SamlMetadataError } from '../saml';

/** What an admin gives for the IdP: its metadata URL, its metadata XML, or the values by hand. */
export type SamlIdpInput =
  | { kind: 'metadata_url'; metadataUrl: string }
  | { kind: 'metadata_xml'; metadataXml: string }
  | {
      kind: 'manual';
      idpEntityId: string;
      ssoUrl: string;
      /** Left out on an update: the stored certificates stay. */
      certificates?: string[];
    };

const MAX_CERTIFICATES = 5;
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Turns what the admin gave into the settings a connection trusts, refusing anything unusable
 * with a message the admin can act on (SAML_METADATA_INVALID, SAML_METADATA_UNREACHABLE). The
 * metadata URL is fetched under the outbound policy: no private addresses, size and time caps.
 */
@Injectable()
export class SamlIdpSettingsReader {
  constructor(private readonly outbound: OutboundHttp) {}

  /** `stored`: the certificates already trusted, kept when a manual update leaves them out. */
  async read(input: SamlIdpInput, stored: string[] = []): Promise<SamlIdpSettings> {
    switch (input.kind) {
      case 'metadata_url':
        return this.fromMetadata(await this.fetchMetadata(input.metadataUrl));
      case 'metadata_xml':
        return this.fromMetadata(input.metadataXml);
      case 'manual':
        return this.fromValues({ ...input, certificates: input.certificates ?? stored });
    }
  }

  /** The metadata document at `metadataUrl` (https; plain http only on this machine). */
  async fetchMetadata(metadataUrl: string): Promise<string> {
    const url = checkedUrl(metadataUrl, 'The metadata URL');
    try {
      return await this.outbound.getText(
        url,
        'application/samlmetadata+xml, application/xml, text/xml',
      );
    } catch (error) {
      if (error instanceof OutboundError) {
        throw new SsoError(
          'SAML_METADATA_UNREACHABLE',
          `The metadata URL could not be read (${error.message}).`,
        );
      }
      throw error;
    }
  }

  private fromMetadata(xml: string): SamlIdpSettings {
    try {
      const metadata = parseIdpMetadata(xml);
      return {
        idpEntityId: checkedEntityId(metadata.entityId),
        ssoUrl: checkedUrl(metadata.ssoUrl, 'The metadata’s sign-on URL'),
        certificates: metadata.certificates.slice(0, MAX_CERTIFICATES),
      };
    } catch (error) {
      throw asInvalid(error);
    }
  }

  private fromValues(input: { idpEntityId: string; ssoUrl: string; certificates: string[] }) {
    if (input.certificates.length < 1 || input.certificates.length > MAX_CERTIFICATES) {
      throw invalid(`Give one to ${MAX_CERTIFICATES} signing certificates.`);
    }
    try {
      return {
        idpEntityId: checkedEntityId(input.idpEntityId),
        ssoUrl: checkedUrl(input.ssoUrl, 'The sign-on URL'),
        certificates: [...new Set(input.certificates.map(normalizeCertificate))],
      };
    } catch (error) {
      throw asInvalid(error);
    }
  }
}

function checkedEntityId(value: string): string {
  const entityId = value.trim();
  if (!entityId || entityId.length > 512) {
    throw invalid('The identity provider’s entity id must be 1 to 512 characters.');
  }
  return entityId;
}

/** An absolute https URL without credentials or fragment; http only on this machine. */
function checkedUrl(value: string, what: string): string {
  const text = value.trim();
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw invalid(`${what} must be an absolute URL.`);
  }
  if (
    url.protocol !== 'https:' &&
    !(url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname))
  ) {
    throw invalid(`${what} must use https (plain http only for localhost or 127.0.0.1).`);
  }
  if (url.username || url.password || url.hash || text.length > 2048) {
    throw invalid(`${what} must not contain credentials or a fragment.`);
  }
  return text;
}

function asInvalid(error: unknown): unknown {
  return error instanceof SamlMetadataError ? invalid(error.message) : error;
}

function invalid(message: string): SsoError {
  return new SsoError('SAML_METADATA_INVALID', message);
}
