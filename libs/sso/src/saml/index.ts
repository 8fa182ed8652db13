export type { SamlTrust } from './saml-trust';
export {
  SAML_CLOCK_SKEW_MS,
  SamlValidationError,
  validateSamlResponse,
} from './saml-response.validator';
export type { SamlRefusal, ValidatedAssertion } from './saml-response.validator';
export { authnRequestUrl, newSamlRequestId } from './saml-requests';
export { serviceProviderMetadata } from './service-provider-metadata';
export { generateServiceProviderKey } from './sp-key';
export { SamlMetadataError, parseIdpMetadata } from './idp-metadata';
export type { IdpMetadata } from './idp-metadata';
export {
  CERTIFICATE_EXPIRY_WARNING_DAYS,
  certificateStatus,
  describeCertificate,
  normalizeCertificate,
} from './certificates';
export type { CertificateFacts, CertificateStatus } from './certificates';
