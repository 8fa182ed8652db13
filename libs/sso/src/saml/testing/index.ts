export { SamlIdp } from './saml-idp';
export type { ParsedAuthnRequest, SamlIdpAccount } from './saml-idp';
export type { SamlResponseOptions } from './saml-response.builder';
export { FORGED_NAME_ID, entraAttributes } from './saml-response.builder';
export { EMAIL_NAME_ID_FORMAT, ENTRA_CLAIMS } from './entra-claims';
export { signDocumentElement } from './xml-signer';
export type { SigningKey } from './xml-signer';
