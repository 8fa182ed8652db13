import { SamlStatusError } from '@node-saml/node-saml';
import { SamlValidationError } from './saml-validation.error';
import type { SamlRefusal } from './saml-validation.error';

// node-saml 5.1 throws plain Errors; these are its messages (lib/saml.js, lib/xml.js), first match wins.
const REFUSALS: ReadonlyArray<readonly [RegExp, SamlRefusal, string]> = [
  [/^SAML assertion not yet valid/, 'not_yet_valid', 'The assertion is not valid yet.'],
  [/^SAML assertion expired/, 'expired', 'The assertion has expired.'],
  [
    /AudienceRestriction|audience mismatch/,
    'audience',
    'The assertion is not addressed to this service provider.',
  ],
  // A missing <Conditions> makes node-saml read AudienceRestriction of null.
  [
    /reading 'AudienceRestriction'/,
    'audience',
    'The assertion has no Conditions/AudienceRestriction.',
  ],
  // node-saml parses NotOnOrAfter even when it is absent: no upper bound is not acceptable either.
  [/^Error parsing NotOnOrAfter: 'undefined'/, 'expired', 'The assertion has no NotOnOrAfter.'],
  [/^Error parsing /, 'malformed', 'A date in the assertion is not a valid xs:dateTime.'],
  [
    /EncryptedAssertion content|No decryption key/,
    'encryption',
    'The encrypted assertion could not be decrypted.',
  ],
  [
    /^Invalid signature|signature|Signature|signed|^ref URI/,
    'signature',
    'No valid signature from a trusted certificate.',
  ],
  [
    /^Missing SAML assertion|^Unknown SAML response message/,
    'malformed',
    'The response carries no assertion.',
  ],
  [/multiple conditions/, 'malformed', 'The assertion has more than one Conditions element.'],
];

/** Translates whatever node-saml threw into a refusal with a message safe to log (no echo of input). */
export function refusalFromNodeSaml(error: unknown): SamlValidationError {
  if (error instanceof SamlValidationError) return error;
  if (error instanceof SamlStatusError) {
    return new SamlValidationError('status', 'The identity provider refused the sign-in.');
  }
  const message = error instanceof Error ? error.message : '';
  for (const [pattern, reason, safeMessage] of REFUSALS) {
    if (pattern.test(message)) return new SamlValidationError(reason, safeMessage);
  }
  return new SamlValidationError('malformed', 'The SAML response could not be processed.');
}
