import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inflateRawSync } from 'node:zlib';
import { DOMParser } from '@xmldom/xmldom';
import { generate } from 'selfsigned';
import { idpMetadataXml } from './idp-metadata.document';
import { buildSamlResponseXml } from './saml-response.builder';
import type { SamlResponseOptions } from './saml-response.builder';
import type { SigningKey } from './xml-signer';

export interface SamlIdpAccount {
  nameId: string;
  nameIdFormat?: string;
  attributes?: Record<string, string | string[]>;
}

export interface ParsedAuthnRequest {
  id: string;
  acsUrl: string | null;
  issuer: string;
  destination: string | null;
  relayState: string | null;
}

/** A real SAML 2.0 identity provider on 127.0.0.1, shaped like Microsoft Entra ID. */
export class SamlIdp {
  private keys: SigningKey[];
  private account: SamlIdpAccount = { nameId: 'ada.lovelace@example.com' };

  private constructor(
    private readonly server: Server,
    readonly baseUrl: string,
    readonly entityId: string,
    key: SigningKey,
  ) {
    this.keys = [key];
  }

  static async start(options?: { entityId?: string }): Promise<SamlIdp> {
    const key = await newSigningKey();
    let idp: SamlIdp | null = null;
    const server = createServer((request, response) => {
      if (!idp) {
        response.writeHead(503).end();
        return;
      }
      idp.handle(request, response).catch((error: unknown) => {
        response.writeHead(500, { 'content-type': 'text/plain' });
        response.end(error instanceof Error ? error.message : 'error');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const baseUrl = `http://127.0.0.1:${port}`;
    idp = new SamlIdp(server, baseUrl, options?.entityId ?? `${baseUrl}/idp`, key);
    return idp;
  }

  get ssoUrl(): string {
    return `${this.baseUrl}/sso`;
  }

  get metadataUrl(): string {
    return `${this.baseUrl}/metadata`;
  }

  /** The certificate the IdP signs with now. */
  get certificatePem(): string {
    return this.signingKey.certificatePem;
  }

  /** Every certificate the metadata lists (old and new during a rollover). */
  get certificates(): string[] {
    return this.keys.map((key) => key.certificatePem);
  }

  metadataXml(): string {
    return idpMetadataXml({
      entityId: this.entityId,
      ssoUrl: this.ssoUrl,
      certificates: this.certificates,
      signingKey: this.signingKey,
    });
  }

  /** A new signing key: the metadata lists old and new, responses are signed with the new one. */
  async rolloverTo(): Promise<void> {
    this.keys = [...this.keys, await newSigningKey()];
  }

  /** Ends a rollover: the metadata lists only the current certificate. */
  dropOldCertificates(): void {
    this.keys = [this.signingKey];
  }

  signInAs(account: SamlIdpAccount): void {
    this.account = { ...account };
  }

  async response(options: SamlResponseOptions): Promise<string> {
    const xml = await buildSamlResponseXml(options, {
      issuer: this.entityId,
      key: this.signingKey,
    });
    return Buffer.from(xml, 'utf8').toString('base64');
  }

  static parseAuthnRequest(url: string): ParsedAuthnRequest {
    const query = new URL(url).searchParams;
    const encoded = query.get('SAMLRequest');
    if (!encoded) throw new Error('The URL has no SAMLRequest.');
    const xml = inflateRawSync(Buffer.from(encoded, 'base64')).toString('utf8');
    const request = new DOMParser().parseFromString(xml, 'text/xml').documentElement;
    if (request?.localName !== 'AuthnRequest')
      throw new Error('SAMLRequest is not an AuthnRequest.');
    const issuer = request.getElementsByTagNameNS(
      'urn:oasis:names:tc:SAML:2.0:assertion',
      'Issuer',
    )[0];
    return {
      id: request.getAttribute('ID') ?? '',
      acsUrl: request.getAttribute('AssertionConsumerServiceURL') || null,
      issuer: issuer?.textContent?.trim() ?? '',
      destination: request.getAttribute('Destination') || null,
      relayState: query.get('RelayState'),
    };
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve, reject) =>
      this.server.close((error) => (error ? reject(error) : resolve())),
    );
  }

  private get signingKey(): SigningKey {
    return this.keys[this.keys.length - 1] as SigningKey;
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', this.baseUrl);
    if (request.method !== 'GET') {
      response.writeHead(405).end();
      return;
    }
    switch (url.pathname) {
      case '/metadata':
        response.writeHead(200, { 'content-type': 'application/samlmetadata+xml' });
        response.end(this.metadataXml());
        return;
      case '/sso': {
        const authnRequest = SamlIdp.parseAuthnRequest(url.toString());
        if (!authnRequest.acsUrl) {
          response
            .writeHead(400, { 'content-type': 'text/plain' })
            .end('No AssertionConsumerServiceURL.');
          return;
        }
        const samlResponse = await this.accountResponse(
          authnRequest.acsUrl,
          authnRequest.issuer,
          authnRequest.id,
        );
        autoPost(response, authnRequest.acsUrl, samlResponse, authnRequest.relayState);
        return;
      }
      case '/initiate': {
        const acs = url.searchParams.get('acs');
        const audience = url.searchParams.get('audience');
        if (!acs || !audience) {
          response
            .writeHead(400, { 'content-type': 'text/plain' })
            .end('acs and audience are required.');
          return;
        }
        // IdP-initiated, like Entra's "Test this application" or My Apps: no InResponseTo.
        autoPost(
          response,
          acs,
          await this.accountResponse(acs, audience, null),
          url.searchParams.get('RelayState'),
        );
        return;
      }
      default:
        response.writeHead(404).end();
    }
  }

  private accountResponse(
    acsUrl: string,
    audience: string,
    inResponseTo: string | null,
  ): Promise<string> {
    return this.response({
      acsUrl,
      audience,
      inResponseTo,
      nameId: this.account.nameId,
      nameIdFormat: this.account.nameIdFormat,
      attributes: this.account.attributes,
    });
  }
}

async function newSigningKey(): Promise<SigningKey> {
  const pems = await generate(
    [{ name: 'commonName', value: 'Microsoft Azure Federated SSO Certificate' }],
    {
      keySize: 2048,
      algorithm: 'sha256',
    },
  );
  return { privateKeyPem: pems.private, certificatePem: pems.cert };
}

function autoPost(
  response: ServerResponse,
  acsUrl: string,
  samlResponse: string,
  relayState: string | null,
): void {
  const relay =
    relayState === null
      ? ''
      : `<input type="hidden" name="RelayState" value="${html(relayState)}"/>`;
  response.writeHead(200, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
  });
  response.end(
    '<!DOCTYPE html><html><head><title>Working...</title></head>' +
      '<body onload="document.forms[0].submit()">' +
      `<form method="POST" name="hiddenform" action="${html(acsUrl)}">` +
      `<input type="hidden" name="SAMLResponse" value="${html(samlResponse)}"/>` +
      relay +
      '<noscript><p>Script is disabled. Click Submit to continue.</p><input type="submit" value="Submit"/></noscript>' +
      '</form></body></html>',
  );
}

function html(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/"/g, '&quot;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}
