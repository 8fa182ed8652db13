import { Organizations1763900000000 } from './1763900000000-organizations';
import { Directory1763900000100 } from './1763900000100-directory';
import { ProvisioningLog1763900000200 } from './1763900000200-provisioning-log';
import { AdminSessions1763900000300 } from './1763900000300-admin-sessions';
import { Teams1763900000400 } from './1763900000400-teams';
import { EntraSso1763900000500 } from './1763900000500-entra-sso';
import { SsoOidc1763900000600 } from './1763900000600-sso-oidc';
import { ScimOAuth1763900000700 } from './1763900000700-scim-oauth';
import { SsoLinking1763900000800 } from './1763900000800-sso-linking';
import { FederatedCredentialAudience1763900000900 } from './1763900000900-federated-credential-audience';
import { StripStoredPasswords1763900001200 } from './1763900001200-strip-stored-passwords';
import { DropLoginFailures1763900001300 } from './1763900001300-drop-login-failures';
import { CacheEpochs1763900001400 } from './1763900001400-cache-epochs';
import { UserCounts1763900001500 } from './1763900001500-user-counts';
import { ApiKeys1763900001600 } from './1763900001600-api-keys';
import { Events1763900001700 } from './1763900001700-events';
import { Webhooks1763900001800 } from './1763900001800-webhooks';
import { Saml1763900001900 } from './1763900001900-saml';
import { AdminRoles1763900002000 } from './1763900002000-admin-roles';
import { AdminTwoFactor1763900002100 } from './1763900002100-admin-two-factor';
import { EventClientIp1763900002200 } from './1763900002200-event-client-ip';

/** Every migration, oldest first; each one is written for both dialects. */
export const migrations = [
  Organizations1763900000000,
  Directory1763900000100,
  ProvisioningLog1763900000200,
  AdminSessions1763900000300,
  Teams1763900000400,
  EntraSso1763900000500,
  SsoOidc1763900000600,
  ScimOAuth1763900000700,
  SsoLinking1763900000800,
  FederatedCredentialAudience1763900000900,
  StripStoredPasswords1763900001200,
  DropLoginFailures1763900001300,
  CacheEpochs1763900001400,
  UserCounts1763900001500,
  ApiKeys1763900001600,
  Events1763900001700,
  Webhooks1763900001800,
  Saml1763900001900,
  AdminRoles1763900002000,
  AdminTwoFactor1763900002100,
  EventClientIp1763900002200,
];
