import { Injectable } from '@nestjs/common';
import { SsoError } from '../domain/sso.error';
import { EntraRoundTrip, type EntraCallback } from '../entra/entra-round-trip';
import { microsoftIdentity } from '../entra/microsoft-identity';
import { EntraConnectionStore } from '../persistence/entra-connection.store';
import { SignInFederatedIdentity, type SsoSignIn } from './sign-in-federated-identity.use-case';

export interface SignInWithMicrosoftCommand extends EntraCallback {
  ipAddress: string | null;
  userAgent: string | null;
  previousSessionSecret: string | null;
}

/**
 * The callback of "Sign in with Microsoft": the org is the one that connected the token's
 * tenant; the person is found (or created just in time) by SignInFederatedIdentity.
 */
@Injectable()
export class SignInWithMicrosoft {
  constructor(
    private readonly connections: EntraConnectionStore,
    private readonly roundTrip: EntraRoundTrip,
    private readonly signIn: SignInFederatedIdentity,
  ) {}

  async execute(command: SignInWithMicrosoftCommand): Promise<SsoSignIn> {
    const { identity } = await this.roundTrip.finish(['sign_in'], command);
    const connection = await this.connections.findByTenant(identity.tenantId);
    if (!connection) {
      throw new SsoError(
        'SSO_TENANT_NOT_CONNECTED',
        'Your Microsoft organization is not connected to Rollcall.',
      );
    }
    return this.signIn.execute({
      organizationId: connection.organizationId,
      identity: microsoftIdentity(identity),
      ipAddress: command.ipAddress,
      userAgent: command.userAgent,
      previousSessionSecret: command.previousSessionSecret,
    });
  }
}
