import {
  Module,
  type DynamicModule,
  type MiddlewareConsumer,
  type NestModule,
} from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { LoggerModule } from 'nestjs-pino';
import { AdminApiModule } from '@rollcall/admin-api';
import { SecretBox } from '@rollcall/crypto';
import { BACKGROUND_JOBS } from '@rollcall/db';
import { EventsModule, WebhookDeliveryModule } from '@rollcall/events';
import { OrganizationsModule } from '@rollcall/organizations';
import { OutboundHttp } from '@rollcall/outbound';
import { RateLimitModule } from '@rollcall/rate-limit';
import { ScimModule } from '@rollcall/scim-nest';
import type { AppConfig } from './config/app-config';
import { APP_CONFIG } from './config/app-config.token';
import { resolveEncryptionKey } from './config/encryption-key.file';
import { DatabaseModule } from './database.module';
import { DatabaseAvailability } from './health/database-availability';
import { HealthController } from './health/health.controller';
import { EdgeExceptionFilter } from './http/edge-exception.filter';
import { asyncStdout, loggerOptions } from './http/logger.options';
import { HttpMetrics } from './metrics/http-metrics';
import { HttpMetricsMiddleware } from './metrics/http-metrics.middleware';
import { MetricsScrape } from './metrics/metrics-scrape';
import { MetricsController } from './metrics/metrics.controller';
import { ProvisioningLogMetrics } from './metrics/provisioning-log.metrics';
import { WebhookMetrics } from './metrics/webhook.metrics';

/** Everything the HTTP server serves. The CLI uses CoreModule alone. */
@Module({})
export class AppModule implements NestModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        LoggerModule.forRoot(loggerOptions(config, asyncStdout())),
        CoreModule.forRoot(config),
        RateLimitModule.forRoot({
          redisUrl: config.redisUrl,
          keyPrefix: config.rateLimits.keyPrefix,
        }),
        TerminusModule,
        // Every worker delivers webhooks (claims are exclusive); the CLI does not.
        WebhookDeliveryModule.forRoot(config.webhooks),
        ScimModule.forRoot({
          publicUrl: config.publicUrl,
          maxResults: config.scimMaxResults,
          maxPayloadBytes: config.maxBodyBytes,
          rateLimits: {
            perSecond: config.rateLimits.scimPerSecond,
            burstPerMinute: config.rateLimits.scimBurst,
            authFailuresPerMinute: config.rateLimits.authFailuresPerMinute,
          },
        }),
        AdminApiModule.forRoot({
          publicUrl: config.publicUrl,
          entra: config.entra,
          signInStartsPer10Minutes: config.rateLimits.signInStartsPer10Minutes,
          apiKeyAuthFailuresPerMinute: config.rateLimits.authFailuresPerMinute,
          smtp: config.smtp,
        }),
      ],
      controllers: [HealthController, MetricsController],
      providers: [
        HttpMetrics,
        MetricsScrape,
        DatabaseAvailability,
        ProvisioningLogMetrics,
        WebhookMetrics,
        { provide: APP_FILTER, useClass: EdgeExceptionFilter },
      ],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(HttpMetricsMiddleware).forRoutes('*path');
  }
}

/** Configuration, the database and the feature modules: what any entry point needs. */
@Module({})
export class CoreModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: CoreModule,
      global: true,
      imports: [
        DatabaseModule.forRoot(config.database),
        OrganizationsModule,
        EventsModule.forRoot({ retentionDays: config.eventRetentionDays }),
      ],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: BACKGROUND_JOBS, useValue: config.backgroundJobs },
        {
          provide: OutboundHttp,
          useFactory: () => new OutboundHttp({ allowPrivateNetwork: config.allowPrivateNetwork }),
        },
        {
          provide: SecretBox,
          useFactory: () =>
            new SecretBox(
              resolveEncryptionKey(config.encryptionKey, config.dataDir),
              config.previousEncryptionKeys,
            ),
        },
      ],
      exports: [APP_CONFIG, BACKGROUND_JOBS, SecretBox, OutboundHttp, OrganizationsModule],
    };
  }
}
