import { availableParallelism } from 'node:os';
import { ConfigError, loadConfig } from './app-config';

const KEY = Buffer.alloc(32, 7).toString('base64');

describe('loadConfig', () => {
  it('defaults to SQLite under ./data on port 3000', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.publicUrl).toBe('http://localhost:3000');
    expect(config.database).toEqual({
      dialect: 'sqlite',
      file: expect.stringMatching(/data\/rollcall\.sqlite$/),
    });
    expect(config.logLevel).toBe('info');
    expect(config.entra.authority).toBe('https://login.microsoftonline.com');
  });

  it('uses PostgreSQL when DATABASE_URL is set', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/x',
      PORT: '8080',
      ENCRYPTION_KEY: KEY,
    });
    expect(config.database).toEqual({
      dialect: 'postgres',
      url: 'postgres://u:p@127.0.0.1:5432/x',
      poolSize: 10,
      statementTimeoutMs: 10_000,
      lockTimeoutMs: 5_000,
      acquireTimeoutMs: 5_000,
    });
    expect(config.publicUrl).toBe('http://localhost:8080');
    expect(config.shutdownTimeoutMs).toBe(25_000);
  });

  it('reads the database timeouts and the shutdown deadline, and refuses 0 or words', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/x',
      ENCRYPTION_KEY: KEY,
      DATABASE_STATEMENT_TIMEOUT_MS: '2000',
      DATABASE_LOCK_TIMEOUT_MS: '500',
      DATABASE_POOL_ACQUIRE_TIMEOUT_MS: '1500',
      SHUTDOWN_TIMEOUT_MS: '8000',
    });
    expect(config.database).toMatchObject({
      statementTimeoutMs: 2000,
      lockTimeoutMs: 500,
      acquireTimeoutMs: 1500,
    });
    expect(config.shutdownTimeoutMs).toBe(8000);
    expect(() =>
      loadConfig({ DATABASE_LOCK_TIMEOUT_MS: '0', SHUTDOWN_TIMEOUT_MS: 'soon' }),
    ).toThrow(
      /DATABASE_LOCK_TIMEOUT_MS: must be at least 1[\s\S]*SHUTDOWN_TIMEOUT_MS: must be a whole number/,
    );
  });

  it('requires ENCRYPTION_KEY with PostgreSQL, where replicas and containers share the secrets', () => {
    expect(() => loadConfig({ DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/x' })).toThrow(
      /ENCRYPTION_KEY: is required with DATABASE_URL/,
    );
    expect(loadConfig({}).encryptionKey).toBeUndefined();
  });

  it('reads the keys being rotated out from ENCRYPTION_KEY_PREVIOUS, never echoing a bad one', () => {
    const other = Buffer.alloc(32, 9);
    const config = loadConfig({
      ENCRYPTION_KEY: KEY,
      ENCRYPTION_KEY_PREVIOUS: `${other.toString('hex')},${Buffer.alloc(32, 3).toString('base64')}`,
    });
    expect(config.previousEncryptionKeys).toEqual([other, Buffer.alloc(32, 3)]);
    expect(loadConfig({}).previousEncryptionKeys).toEqual([]);
    expect(() => loadConfig({ ENCRYPTION_KEY_PREVIOUS: `${KEY},hunter2` })).toThrow(
      /^(?![\s\S]*hunter2)[\s\S]*ENCRYPTION_KEY_PREVIOUS: must be one or more/,
    );
  });

  it('reads TRUST_PROXY as false, a hop count or a list of addresses, loopback by default', () => {
    expect(loadConfig({}).trustProxy).toBe('loopback');
    expect(loadConfig({ TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8, fd00::/8' }).trustProxy).toBe(
      'loopback, 10.0.0.0/8, fd00::/8',
    );
    expect(() => loadConfig({ TRUST_PROXY: 'everyone; drop table' })).toThrow(/TRUST_PROXY/);
  });

  it('strips a trailing slash from PUBLIC_URL', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://ids.example.com/' }).publicUrl).toBe(
      'https://ids.example.com',
    );
  });

  it('lists every bad key at once without echoing values', () => {
    let error: unknown;
    try {
      loadConfig({
        PORT: 'eighty',
        DATABASE_URL: 'mysql://root:hunter2@db/x',
        LOG_LEVEL: 'loud',
        PUBLIC_URL: 'not a url',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^PORT: /),
        expect.stringMatching(/^DATABASE_URL: must be a URL like postgres:/),
        expect.stringMatching(/^LOG_LEVEL: must be one of/),
        expect.stringMatching(/^PUBLIC_URL: /),
      ]),
    );
    expect((error as Error).message).not.toContain('hunter2');
  });

  it('keeps the private network closed to outbound fetches unless told otherwise', () => {
    expect(loadConfig({}).allowPrivateNetwork).toBe(false);
    expect(loadConfig({ ALLOW_PRIVATE_NETWORK: '' }).allowPrivateNetwork).toBe(false);
    expect(loadConfig({ ALLOW_PRIVATE_NETWORK: 'true' }).allowPrivateNetwork).toBe(true);
    expect(() => loadConfig({ ALLOW_PRIVATE_NETWORK: 'yes' })).toThrow(
      /ALLOW_PRIVATE_NETWORK: must be true or false/,
    );
  });

  it('runs one worker per available core by default, and background jobs in this process', () => {
    expect(loadConfig({}).webConcurrency).toBe(availableParallelism());
    expect(loadConfig({ WEB_CONCURRENCY: '' }).webConcurrency).toBe(availableParallelism());
    expect(loadConfig({}).backgroundJobs).toBe(true);
  });

  it('reads WEB_CONCURRENCY as a whole number of at least 1, and BACKGROUND_JOBS as a boolean', () => {
    expect(loadConfig({ WEB_CONCURRENCY: '1' }).webConcurrency).toBe(1);
    expect(loadConfig({ WEB_CONCURRENCY: '6' }).webConcurrency).toBe(6);
    expect(loadConfig({ BACKGROUND_JOBS: 'false' }).backgroundJobs).toBe(false);
    const attempt = () => loadConfig({ WEB_CONCURRENCY: '0', BACKGROUND_JOBS: 'no' });
    expect(attempt).toThrow(/WEB_CONCURRENCY: must be at least 1/);
    expect(attempt).toThrow(/BACKGROUND_JOBS: must be true or false/);
    expect(() => loadConfig({ WEB_CONCURRENCY: 'auto' })).toThrow(
      /WEB_CONCURRENCY: must be a whole number/,
    );
    expect(() => loadConfig({ WEB_CONCURRENCY: '1.5' })).toThrow(
      /WEB_CONCURRENCY: must be a whole number/,
    );
  });

  it('delivers webhooks on the production schedule unless WEBHOOK_* say otherwise', () => {
    expect(loadConfig({}).webhooks).toEqual({
      retryScheduleMs: [5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36e6, 36e6],
      pollIntervalMs: 1_000,
      timeoutMs: 10_000,
    });
    const config = loadConfig({
      WEBHOOK_RETRY_SCHEDULE_MS: '50,100',
      WEBHOOK_POLL_INTERVAL_MS: '20',
      WEBHOOK_TIMEOUT_MS: '1500',
    });
    expect(config.webhooks).toEqual({
      retryScheduleMs: [50, 100],
      pollIntervalMs: 20,
      timeoutMs: 1500,
    });
    for (const bad of ['5s', '50,,100', '-1', '50, 100']) {
      expect(() => loadConfig({ WEBHOOK_RETRY_SCHEDULE_MS: bad })).toThrow(
        /WEBHOOK_RETRY_SCHEDULE_MS/,
      );
    }
    expect(() => loadConfig({ WEBHOOK_TIMEOUT_MS: '0' })).toThrow(/WEBHOOK_TIMEOUT_MS/);
  });

  it('rejects a port out of range', () => {
    expect(() => loadConfig({ PORT: '70000' })).toThrow(/PORT: must be 1–65535/);
  });

  it('reads ENCRYPTION_KEY as 32 bytes of base64 or hex, and leaves it unset by default', () => {
    const key = Buffer.alloc(32, 7);
    expect(loadConfig({ ENCRYPTION_KEY: key.toString('base64') }).encryptionKey).toEqual(key);
    expect(loadConfig({ ENCRYPTION_KEY: key.toString('hex') }).encryptionKey).toEqual(key);
    expect(loadConfig({}).encryptionKey).toBeUndefined();
  });

  it('refuses a passphrase as ENCRYPTION_KEY without echoing it', () => {
    expect(() => loadConfig({ ENCRYPTION_KEY: 'my-passphrase-hunter2' })).toThrow(
      /ENCRYPTION_KEY: must be 32 random bytes as base64 or hex/,
    );
    expect(() => loadConfig({ ENCRYPTION_KEY: 'my-passphrase-hunter2' })).not.toThrow(/hunter2/);
  });

  it('has generous abuse limits, the docs on and /metrics open by default', () => {
    const config = loadConfig({});
    expect(config.rateLimits).toEqual({
      keyPrefix: 'rollcall',
      scimPerSecond: 200,
      scimBurst: 1000,
      authFailuresPerMinute: 20,
      signInStartsPer10Minutes: 30,
    });
    expect(config.apiDocs).toBe(true);
    expect(config.metricsToken).toBeUndefined();
  });

  it('reads the abuse limits, API_DOCS and METRICS_TOKEN', () => {
    const config = loadConfig({
      REDIS_KEY_PREFIX: 'rc:eu',
      SCIM_RATE_LIMIT_PER_SECOND: '0',
      SCIM_RATE_LIMIT_BURST: '50',
      AUTH_FAILURE_LIMIT_PER_MINUTE: '5',
      SIGN_IN_START_LIMIT: '7',
      API_DOCS: 'false',
      METRICS_TOKEN: 'scrape-me-please-0123',
    });
    expect(config.rateLimits).toEqual({
      keyPrefix: 'rc:eu',
      scimPerSecond: 0,
      scimBurst: 50,
      authFailuresPerMinute: 5,
      signInStartsPer10Minutes: 7,
    });
    expect(config.apiDocs).toBe(false);
    expect(config.metricsToken).toBe('scrape-me-please-0123');
  });

  it('refuses bad limits and a short METRICS_TOKEN without echoing it', () => {
    const attempt = () =>
      loadConfig({
        SCIM_RATE_LIMIT_PER_SECOND: 'lots',
        AUTH_FAILURE_LIMIT_PER_MINUTE: '0',
        API_DOCS: 'yes',
        METRICS_TOKEN: 'hunter2',
      });
    expect(attempt).toThrow(/SCIM_RATE_LIMIT_PER_SECOND: must be a whole number/);
    expect(attempt).toThrow(/AUTH_FAILURE_LIMIT_PER_MINUTE: must be at least 1/);
    expect(attempt).toThrow(/API_DOCS: must be true or false/);
    expect(attempt).toThrow(/METRICS_TOKEN: must be at least 16 characters/);
    expect(attempt).not.toThrow(/hunter2/);
  });
});
