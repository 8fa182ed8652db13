import type { Server } from 'node:http';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import type { AppConfig } from './config/app-config';
import { findAdminSpa, useAdminSpa } from './http/admin-spa';
import { useBodyParsing } from './http/body-parsing';
import { StartupQuietLogger } from './http/startup-quiet.logger';
import { useResponseHeaders } from './http/no-store';
import { securityHeaders } from './http/security-headers';
import { applyServerTimeouts } from './http/http-server.lifecycle';
import { useSwagger } from './swagger';

/**
 * HSTS and CSP's `upgrade-insecure-requests` only where the server is really reached over
 * https: sent over plain http (a VM's `http://host:3000`, a compose deployment) they make the
 * browser fetch every asset as https and the dashboard and Swagger stay blank.
 */
export function helmetOptions(publicUrl: string): Parameters<typeof helmet>[0] {
  const https = new URL(publicUrl).protocol === 'https:';
  return {
    strictTransportSecurity: https,
    contentSecurityPolicy: {
      directives: { upgradeInsecureRequests: https ? [] : null },
    },
  };
}

export interface CreateAppOptions {
  /**
   * The built dashboard to serve. Default: the one `nx run admin:build` writes next to the
   * built API (what `npm start` serves). The e2e suites name it, since they run from sources.
   */
  adminDirectory?: string;
}

/** The configured HTTP application, not yet listening (main.ts and the e2e tests listen). */
export async function createApp(
  config: AppConfig,
  options: CreateAppOptions = {},
): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    bodyParser: false,
    bufferLogs: true,
  });
  app.useLogger(new StartupQuietLogger(app.get(Logger)));
  app.set('trust proxy', config.trustProxy);
  app.disable('x-powered-by');
  useResponseHeaders(app, securityHeaders(helmetOptions(config.publicUrl)));
  useBodyParsing(app, config.maxBodyBytes);
  useSwagger(app, config);
  // The dashboard, when it has been built (`nx run admin:build`); the API works without it.
  const adminSpa = findAdminSpa(options.adminDirectory);
  if (adminSpa) useAdminSpa(app, adminSpa);
  applyServerTimeouts(app.getHttpServer() as Server);
  // Signals are main.ts's business (exitGracefullyOnSignals): a test starts many apps in one
  // process, and each must only stop when told.
  return app;
}
