import {
  Module,
  type DynamicModule,
  type MiddlewareConsumer,
  type NestModule,
} from '@nestjs/common';
import { PassportModule } from '@nestjs/passport';
import { AuditModule } from '@rollcall/audit';
import { DirectoryModule } from '@rollcall/directory';
import { OrganizationsModule } from '@rollcall/organizations';
import { ScimOAuthModule } from '@rollcall/scim-oauth';
import { TeamsModule } from '@rollcall/teams';
import { ScimAuthGuard } from './auth/scim-auth.guard';
import { ScimBearerStrategy } from './auth/scim-bearer.strategy';
import { ScimRateLimits } from './auth/scim-rate-limits';
import { ScimDiscoveryController } from './discovery/scim-discovery.controller';
import { ProvisioningLogMiddleware } from './http/provisioning-log.middleware';
import { scimContentType } from './http/scim-content-type.middleware';
import { ScimErrorFilter } from './http/scim-error.filter';
import { ScimGroupsController } from './groups/scim-groups.controller';
import { OAuthMetadataController } from './oauth/oauth-metadata.controller';
import { OAuthTokenController } from './oauth/oauth-token.controller';
import { ScimUsersController } from './users/scim-users.controller';
import { SCIM_BASE_PATH, SCIM_OPTIONS, type ScimModuleOptions } from './scim.options';

/**
 * The SCIM 2.0 edge at /scim/v2: authentication, discovery, and the resource endpoints; and
 * the OAuth 2.0 token endpoint and metadata whose access tokens authenticate it.
 */
@Module({})
export class ScimModule implements NestModule {
  static forRoot(options: ScimModuleOptions): DynamicModule {
    return {
      module: ScimModule,
      imports: [
        PassportModule,
        OrganizationsModule,
        ScimOAuthModule,
        DirectoryModule,
        TeamsModule,
        AuditModule,
      ],
      controllers: [
        ScimDiscoveryController,
        ScimUsersController,
        ScimGroupsController,
        OAuthTokenController,
        OAuthMetadataController,
      ],
      providers: [
        { provide: SCIM_OPTIONS, useValue: options },
        ScimBearerStrategy,
        ScimAuthGuard,
        ScimRateLimits,
        ScimErrorFilter,
      ],
      exports: [SCIM_OPTIONS],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(scimContentType, ProvisioningLogMiddleware).forRoutes(`${SCIM_BASE_PATH}/*path`);
  }
}
