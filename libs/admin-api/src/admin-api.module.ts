import { Module, type DynamicModule } from '@nestjs/common';
import { SsoModule } from '@rollcall/sso';
import { ADMIN_API_OPTIONS, type AdminApiOptions } from './admin-api.options';
import { AdminAuthController } from './auth/admin-auth.controller';
import { AdminSessionGuard } from './auth/admin-session.guard';

/** The admin REST API under /api: every controller but sign-in sits behind AdminSessionGuard. */
@Module({})
export class AdminApiModule {
  static forRoot(options: AdminApiOptions): DynamicModule {
    return {
      module: AdminApiModule,
      imports: [SsoModule],
      controllers: [AdminAuthController],
      providers: [{ provide: ADMIN_API_OPTIONS, useValue: options }, AdminSessionGuard],
      // A module with its own admin controllers imports SsoModule too, so the guard resolves.
      exports: [ADMIN_API_OPTIONS, AdminSessionGuard, SsoModule],
    };
  }
}
