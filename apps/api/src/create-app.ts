import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import type { AppConfig } from './config/app-config';
import { findAdminSpa, useAdminSpa } from './http/admin-spa';
import { useBodyParsing } from './http/body-parsing';
import { useSwagger } from './swagger';

/** The configured HTTP application, not yet listening (main.ts and the e2e tests listen). */
export async function createApp(config: AppConfig): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    bodyParser: false,
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  app.set('trust proxy', 'loopback');
  app.disable('x-powered-by');
  app.use(helmet());
  useBodyParsing(app, config.maxBodyBytes);
  useSwagger(app, config);
  // The dashboard, when it has been built (`nx run admin:build`); the API works without it.
  const adminSpa = findAdminSpa();
  if (adminSpa) useAdminSpa(app, adminSpa);
  // SIGTERM: stop accepting, finish in-flight requests, close the database pool, then exit 0
  // (without useProcessExit Nest re-raises the signal and the exit status is 143).
  app.enableShutdownHooks(undefined, { useProcessExit: true });
  return app;
}
