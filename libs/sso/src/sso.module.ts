import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OrganizationsModule } from '@rollcall/organizations';
import { AdminSessionEntity } from './persistence/admin-session.entity';
import { LoginFailureEntity } from './persistence/login-failure.entity';
import { LoginFailureStore } from './persistence/login-failure.store';
import { AuthenticateAdminSession } from './use-cases/authenticate-admin-session.use-case';
import { LogInAdmin } from './use-cases/log-in-admin.use-case';
import { PurgeExpiredAdminSessions } from './use-cases/purge-expired-admin-sessions.use-case';
import { RevokeAdminSession } from './use-cases/revoke-admin-session.use-case';
import { RevokeAllAdminSessions } from './use-cases/revoke-all-admin-sessions.use-case';

const useCases = [
  LogInAdmin,
  AuthenticateAdminSession,
  RevokeAdminSession,
  RevokeAllAdminSessions,
  PurgeExpiredAdminSessions,
];

@Module({
  imports: [
    TypeOrmModule.forFeature([AdminSessionEntity, LoginFailureEntity]),
    OrganizationsModule,
  ],
  providers: [...useCases, LoginFailureStore],
  exports: useCases,
})
export class SsoModule {}
