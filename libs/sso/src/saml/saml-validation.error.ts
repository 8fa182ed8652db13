export type SamlRefusal =
  /** Not base64/XML, DOCTYPE present, too large (> 256 KiB decoded), not a Response. */
  | 'malformed'
  /** StatusCode not Success (the IdP refused, e.g. the user is not assigned to the app). */
  | 'status'
  /** No valid signature from a configured certificate over Response or Assertion; wrapping; multiple assertions. */
  | 'signature'
  /** A SHA-1 SignatureMethod or DigestMethod while allowSha1 is false. */
  | 'sha1'
  /** Issuer != idpEntityId. */
  | 'issuer'
  /** No AudienceRestriction naming spEntityId. */
  | 'audience'
  /** Response/@Destination present and != acsUrl. */
  | 'destination'
  /** Bearer SubjectConfirmationData/@Recipient != acsUrl (or missing). */
  | 'recipient'
  /** NotBefore in the future beyond the skew. */
  | 'not_yet_valid'
  /** NotOnOrAfter passed beyond the skew (Conditions or SubjectConfirmationData). */
  | 'expired'
  /** Response/@InResponseTo and SubjectConfirmationData/@InResponseTo differ. */
  | 'in_response_to_mismatch'
  /** EncryptedAssertion that cannot be decrypted with spPrivateKeyPem. */
  | 'encryption'
  /** No NameID, or NameID Format transient. */
  | 'subject';

/** Why a SAMLResponse was refused. The message never echoes the response. */
export class SamlValidationError extends Error {
  constructor(
    readonly reason: SamlRefusal,
    message: string,
  ) {
    super(message);
    this.name = 'SamlValidationError';
  }
}
