import { Inject, Injectable } from '@nestjs/common';
import { ENTRA_SSO_OPTIONS, type EntraSsoOptions } from '../entra/entra-sso.options';

export interface SsoAvailability {
  /** The operator configured the multi-tenant Entra app (ENTRA_CLIENT_ID and ENTRA_CLIENT_SECRET). */
  microsoft: boolean;
}

/** Which sign-in providers this server can offer at all, whatever any org has connected. */
@Injectable()
export class GetSsoAvailability {
  constructor(@Inject(ENTRA_SSO_OPTIONS) private readonly options: EntraSsoOptions) {}

  execute(): SsoAvailability {
    return { microsoft: Boolean(this.options.clientId && this.options.clientSecret) };
  }
}
