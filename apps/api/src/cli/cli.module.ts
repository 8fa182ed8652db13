import { Module, type DynamicModule } from '@nestjs/common';
import { RateLimitModule } from '@rollcall/rate-limit';
import { ScimOAuthModule } from '@rollcall/scim-oauth';
import { SsoModule } from '@rollcall/sso';
import { CoreModule } from '../app.module';
import type { AppConfig } from '../config/app-config';

/**
 * What operator commands reach: the core, sign-in (sessions to end, tenants to release,
 * OIDC secrets to reseal) and the SCIM OAuth signing keys (to reseal).
 */
@Module({})
export class CliModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: CliModule,
      imports: [
        CoreModule.forRoot(config),
        // Sign-in's providers need limiters; a command limits nothing, so memory and no Redis.
        RateLimitModule.forRoot({ keyPrefix: config.rateLimits.keyPrefix }),
        SsoModule,
        ScimOAuthModule,
      ],
    };
  }
}
