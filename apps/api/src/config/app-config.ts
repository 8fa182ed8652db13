import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { z } from 'zod';
import { parseEncryptionKey } from '@rollcall/crypto';
import type { DatabaseConfig } from '@rollcall/db';
import {
  DEFAULT_WEBHOOK_POLL_INTERVAL_MS,
  DEFAULT_WEBHOOK_RETRY_SCHEDULE_MS,
  DEFAULT_WEBHOOK_TIMEOUT_MS,
  type WebhookDeliveryOptions,
} from '@rollcall/events';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export interface AppConfig {
  port: number;
  publicUrl: string;
  dataDir: string;
  database: DatabaseConfig;
  logLevel: (typeof LOG_LEVELS)[number];
  entra: { clientId?: string; clientSecret?: string; authority: string };
  redisUrl?: string;
  /**
   * Development and tests only: fetches made on an admin's or an IdP's say (OIDC discovery,
   * JWKS, metadata, webhooks) may reach loopback and private addresses.
   */
  allowPrivateNetwork: boolean;
  /** Abuse limits; counters live in Redis when `redisUrl` is set, else in this process. */
  rateLimits: RateLimitConfig;
  /** When set, GET /metrics requires `Authorization: Bearer <metricsToken>`. */
  metricsToken?: string;
  /** Swagger UI and the OpenAPI document at /api/docs (on by default). */
  apiDocs: boolean;
  /**
   * Key for secrets stored encrypted (OIDC client secrets, token signing keys). Unset: a key
   * file under the data directory, created on first start.
   */
  encryptionKey?: Buffer;
  /** Keys being rotated out: they still open stored secrets until `secrets:reseal` ran. */
  previousEncryptionKeys: Buffer[];
  /**
   * Which hops' X-Forwarded-For the client address is read from (express's `trust proxy`):
   * false, a hop count, or addresses/CIDRs/`loopback`/`uniquelocal`. Rate limits key on it.
   */
  trustProxy: boolean | number | string;
  /** Days events are kept for the Events API, webhooks and the Activity page. */
  eventRetentionDays: number;
  /** Webhook delivery, in every worker: retry waits, idle poll, time cap of an attempt. */
  webhooks: WebhookDeliveryOptions;
  /** Largest JSON body accepted, in bytes; larger ones get a clean 413. */
  maxBodyBytes: number;
  /** Largest page a SCIM list answers with. */
  scimMaxResults: number;
  /**
   * After SIGTERM, how long in-flight requests and the log flush may take before the
   * remaining connections are cut and the process exits.
   */
  shutdownTimeoutMs: number;
  /**
   * HTTP worker processes sharing the port (node:cluster). 1 runs the server in this process,
   * with no primary in front of it.
   */
  webConcurrency: number;
  /**
   * Whether this process runs the periodic purges. The cluster primary turns it off in every
   * worker but one, so a process group runs each job once.
   */
  backgroundJobs: boolean;
  /** SMTP for admin invitation e-mails; unset: the inviter passes the link on. */
  smtp?: { url: string; from: string };
}

export interface RateLimitConfig {
  /** Namespaces the counters in a shared Redis. */
  keyPrefix: string;
  /** Requests a second per SCIM credential; 0 turns the limit off. */
  scimPerSecond: number;
  /** Requests a minute a SCIM credential may make beyond that rate. */
  scimBurst: number;
  /** Failed SCIM or /oauth/token authentications a minute per client address. */
  authFailuresPerMinute: number;
  /** Sign-in round trips (each a pending row) a client address may start per 10 minutes. */
  signInStartsPer10Minutes: number;
}

const optional = (schema: z.ZodString) =>
  z.preprocess((value) => (value === '' ? undefined : value), schema.optional());

const url = (protocols: string[], example: string) =>
  z.string().refine((value) => {
    try {
      return protocols.includes(new URL(value).protocol);
    } catch {
      return false;
    }
  }, `must be a URL like ${example}`);

const wholeNumber = (fallback: string) =>
  z.preprocess(
    (value) => (value === undefined || value === '' ? fallback : value),
    z.string().regex(/^\d+$/, 'must be a whole number').transform(Number),
  );

/** A duration in milliseconds, at least 1 (a 0 would mean "no limit" to PostgreSQL). */
const milliseconds = (fallback: string) =>
  z.preprocess(
    (value) => (value === undefined || value === '' ? fallback : value),
    z
      .string()
      .regex(/^\d+$/, 'must be a whole number of milliseconds')
      .transform(Number)
      .pipe(z.number().int().min(1, 'must be at least 1')),
  );

const envSchema = z.object({
  PORT: z.preprocess(
    (value) => (value === undefined || value === '' ? '3000' : value),
    z
      .string()
      .regex(/^\d+$/, 'must be a whole number')
      .transform(Number)
      .pipe(z.number().int().min(1, 'must be 1–65535').max(65535, 'must be 1–65535')),
  ),
  DATA_DIR: optional(z.string()),
  DATABASE_URL: optional(url(['postgres:', 'postgresql:'], 'postgres://user:pass@host:5432/db')),
  DATABASE_POOL_SIZE: z.preprocess(
    (value) => (value === undefined || value === '' ? '10' : value),
    z.string().regex(/^\d+$/, 'must be a whole number').transform(Number),
  ),
  DATABASE_STATEMENT_TIMEOUT_MS: milliseconds('10000'),
  DATABASE_LOCK_TIMEOUT_MS: milliseconds('5000'),
  DATABASE_POOL_ACQUIRE_TIMEOUT_MS: milliseconds('5000'),
  SHUTDOWN_TIMEOUT_MS: milliseconds('25000'),
  WEB_CONCURRENCY: z.preprocess(
    (value) => (value === undefined || value === '' ? String(availableParallelism()) : value),
    z
      .string()
      .regex(/^\d+$/, 'must be a whole number')
      .transform(Number)
      .pipe(z.number().int().min(1, 'must be at least 1')),
  ),
  BACKGROUND_JOBS: z.preprocess(
    (value) => (value === undefined || value === '' ? 'true' : value),
    z.enum(['true', 'false'], { message: 'must be true or false' }).transform((v) => v === 'true'),
  ),
  PUBLIC_URL: optional(url(['http:', 'https:'], 'https://rollcall.example.com')),
  LOG_LEVEL: z.preprocess(
    (value) => (value === undefined || value === '' ? 'info' : value),
    z.enum(LOG_LEVELS, { message: `must be one of ${LOG_LEVELS.join(', ')}` }),
  ),
  ENTRA_CLIENT_ID: optional(z.string()),
  ENTRA_CLIENT_SECRET: optional(z.string()),
  ENTRA_AUTHORITY: optional(url(['http:', 'https:'], 'https://login.microsoftonline.com')),
  REDIS_URL: optional(url(['redis:', 'rediss:'], 'redis://127.0.0.1:6379')),
  ALLOW_PRIVATE_NETWORK: z.preprocess(
    (value) => (value === undefined || value === '' ? 'false' : value),
    z.enum(['true', 'false'], { message: 'must be true or false' }).transform((v) => v === 'true'),
  ),
  REDIS_KEY_PREFIX: optional(z.string().regex(/^[\w.:-]+$/, 'letters, digits, . : _ - only')),
  SCIM_RATE_LIMIT_PER_SECOND: wholeNumber('200'),
  SCIM_RATE_LIMIT_BURST: wholeNumber('1000'),
  AUTH_FAILURE_LIMIT_PER_MINUTE: wholeNumber('20').pipe(z.number().min(1, 'must be at least 1')),
  SIGN_IN_START_LIMIT: wholeNumber('30').pipe(z.number().min(1, 'must be at least 1')),
  EVENT_RETENTION_DAYS: wholeNumber('30').pipe(
    z.number().min(1, 'must be 1–3650').max(3650, 'must be 1–3650'),
  ),
  WEBHOOK_RETRY_SCHEDULE_MS: optional(
    z.string().regex(/^\d+(,\d+)*$/, 'must be whole numbers of milliseconds separated by commas'),
  ),
  WEBHOOK_POLL_INTERVAL_MS: milliseconds(String(DEFAULT_WEBHOOK_POLL_INTERVAL_MS)),
  WEBHOOK_TIMEOUT_MS: milliseconds(String(DEFAULT_WEBHOOK_TIMEOUT_MS)),
  METRICS_TOKEN: optional(z.string().min(16, 'must be at least 16 characters')),
  API_DOCS: z.preprocess(
    (value) => (value === undefined || value === '' ? 'true' : value),
    z.enum(['true', 'false'], { message: 'must be true or false' }).transform((v) => v === 'true'),
  ),
  ENCRYPTION_KEY_PREVIOUS: optional(
    z
      .string()
      .refine(
        (value) => value.split(',').every((key) => parseEncryptionKey(key) !== undefined),
        'must be one or more 32-byte keys (base64 or hex) separated by commas',
      ),
  ),
  TRUST_PROXY: z.preprocess(
    (value) => (value === undefined || value === '' ? 'loopback' : value),
    z
      .string()
      .regex(
        /^(?:false|\d{1,2}|(?:loopback|linklocal|uniquelocal|[0-9a-fA-F.:]+(?:\/\d{1,3})?)(?:\s*,\s*(?:loopback|linklocal|uniquelocal|[0-9a-fA-F.:]+(?:\/\d{1,3})?))*)$/,
        'must be false, a hop count, or addresses/CIDRs/loopback/linklocal/uniquelocal separated by commas',
      )
      .transform((value): boolean | number | string =>
        value === 'false' ? false : /^\d+$/.test(value) ? Number(value) : value,
      ),
  ),
  SMTP_URL: optional(url(['smtp:', 'smtps:'], 'smtps://user:pass@smtp.example.com:465')),
  SMTP_FROM: optional(z.string().max(320)),
  ENCRYPTION_KEY: optional(
    z
      .string()
      .refine(
        (value) => parseEncryptionKey(value) !== undefined,
        'must be 32 random bytes as base64 or hex (openssl rand -base64 32)',
      ),
  ),
});

/** Every bad key at once, so an operator fixes the environment in one go. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export function loadConfig(env: Record<string, string | undefined>): AppConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    // Name the key and the rule, never the value: it may be a secret.
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`),
    );
  }
  const e = parsed.data;
  // Replicas on one PostgreSQL must share the key, and a container's data directory may not
  // outlive it: a generated key file would leave stored secrets unreadable.
  if (e.DATABASE_URL && !e.ENCRYPTION_KEY) {
    throw new ConfigError([
      'ENCRYPTION_KEY: is required with DATABASE_URL (every replica needs the same key; openssl rand -base64 32)',
    ]);
  }
  const dataDir = resolve(e.DATA_DIR ?? './data');
  const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, '');
  return {
    port: e.PORT,
    publicUrl,
    dataDir,
    database: e.DATABASE_URL
      ? {
          dialect: 'postgres',
          url: e.DATABASE_URL,
          poolSize: e.DATABASE_POOL_SIZE,
          statementTimeoutMs: e.DATABASE_STATEMENT_TIMEOUT_MS,
          lockTimeoutMs: e.DATABASE_LOCK_TIMEOUT_MS,
          acquireTimeoutMs: e.DATABASE_POOL_ACQUIRE_TIMEOUT_MS,
        }
      : { dialect: 'sqlite', file: resolve(dataDir, 'rollcall.sqlite') },
    logLevel: e.LOG_LEVEL,
    entra: {
      clientId: e.ENTRA_CLIENT_ID,
      clientSecret: e.ENTRA_CLIENT_SECRET,
      authority: (e.ENTRA_AUTHORITY ?? 'https://login.microsoftonline.com').replace(/\/+$/, ''),
    },
    redisUrl: e.REDIS_URL,
    allowPrivateNetwork: e.ALLOW_PRIVATE_NETWORK,
    rateLimits: {
      keyPrefix: e.REDIS_KEY_PREFIX ?? 'rollcall',
      scimPerSecond: e.SCIM_RATE_LIMIT_PER_SECOND,
      scimBurst: e.SCIM_RATE_LIMIT_BURST,
      authFailuresPerMinute: e.AUTH_FAILURE_LIMIT_PER_MINUTE,
      signInStartsPer10Minutes: e.SIGN_IN_START_LIMIT,
    },
    metricsToken: e.METRICS_TOKEN,
    apiDocs: e.API_DOCS,
    encryptionKey: e.ENCRYPTION_KEY ? parseEncryptionKey(e.ENCRYPTION_KEY) : undefined,
    previousEncryptionKeys: (e.ENCRYPTION_KEY_PREVIOUS?.split(',') ?? []).flatMap(
      (key) => parseEncryptionKey(key) ?? [],
    ),
    trustProxy: e.TRUST_PROXY,
    eventRetentionDays: e.EVENT_RETENTION_DAYS,
    webhooks: {
      retryScheduleMs:
        e.WEBHOOK_RETRY_SCHEDULE_MS?.split(',').map(Number) ?? DEFAULT_WEBHOOK_RETRY_SCHEDULE_MS,
      pollIntervalMs: e.WEBHOOK_POLL_INTERVAL_MS,
      timeoutMs: e.WEBHOOK_TIMEOUT_MS,
    },
    maxBodyBytes: 1024 * 1024,
    scimMaxResults: 1000,
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    webConcurrency: e.WEB_CONCURRENCY,
    backgroundJobs: e.BACKGROUND_JOBS,
    smtp: e.SMTP_URL
      ? {
          url: e.SMTP_URL,
          from: e.SMTP_FROM ?? `Rollcall <no-reply@${new URL(publicUrl).hostname}>`,
        }
      : undefined,
  };
}
