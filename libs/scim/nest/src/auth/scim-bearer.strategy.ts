import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { Strategy } from 'passport-http-bearer';
import { AuthenticateScimToken, type ScimPrincipal } from '@rollcall/organizations';

export const SCIM_BEARER_STRATEGY = 'scim-bearer';

@Injectable()
export class ScimBearerStrategy extends PassportStrategy(Strategy, SCIM_BEARER_STRATEGY) {
  constructor(private readonly authenticateToken: AuthenticateScimToken) {
    super();
  }

  async validate(token: string): Promise<ScimPrincipal | false> {
    return (await this.authenticateToken.execute(token)) ?? false;
  }
}
