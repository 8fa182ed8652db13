/** The claim URIs Microsoft Entra ID puts in a SAML assertion's AttributeStatement by default. */
export const ENTRA_CLAIMS = {
  emailaddress: 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress',
  givenname: 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/givenname',
  surname: 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/surname',
  name: 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name',
  objectidentifier: 'http://schemas.microsoft.com/identity/claims/objectidentifier',
  displayname: 'http://schemas.microsoft.com/identity/claims/displayname',
  tenantid: 'http://schemas.microsoft.com/identity/claims/tenantid',
} as const;

export const EMAIL_NAME_ID_FORMAT = 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress';
