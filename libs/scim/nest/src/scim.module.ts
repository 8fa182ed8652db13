import { Module, type DynamicModule } from '@nestjs/common';
import { PassportModule } from '@nestjs/passport';
import { OrganizationsModule } from '@rollcall/organizations';
import { ScimAuthGuard } from './auth/scim-auth.guard';
import { ScimBearerStrategy } from './auth/scim-bearer.strategy';
import { ScimDiscoveryController } from './discovery/scim-discovery.controller';
import { ScimErrorFilter } from './http/scim-error.filter';
import { SCIM_OPTIONS, type ScimModuleOptions } from './scim.options';

/** The SCIM 2.0 edge at /scim/v2: authentication, discovery, and the resource endpoints. */
@Module({})
export class ScimModule {
  static forRoot(options: ScimModuleOptions): DynamicModule {
    return {
      module: ScimModule,
      imports: [PassportModule, OrganizationsModule],
      controllers: [ScimDiscoveryController],
      providers: [
        { provide: SCIM_OPTIONS, useValue: options },
        ScimBearerStrategy,
        ScimAuthGuard,
        ScimErrorFilter,
      ],
      exports: [SCIM_OPTIONS],
    };
  }
}
