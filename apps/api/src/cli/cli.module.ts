import { Module, type DynamicModule } from '@nestjs/common';
import { SsoModule } from '@rollcall/sso';
import { CoreModule } from '../app.module';
import type { AppConfig } from '../config/app-config';

/** What operator commands reach: the core, plus sign-in (sessions to end, tenants to release). */
@Module({})
export class CliModule {
  static forRoot(config: AppConfig): DynamicModule {
    return { module: CliModule, imports: [CoreModule.forRoot(config), SsoModule] };
  }
}
