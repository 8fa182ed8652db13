import 'reflect-metadata';
import cluster from 'node:cluster';
import type { INestApplication } from '@nestjs/common';
import { Logger } from 'nestjs-pino';
import { pino } from 'pino';
import { BootstrapDemoOrganization } from '@rollcall/organizations';
import {
  FIRST_START_MESSAGE,
  runClusterPrimary,
  WORKER_INDEX_ENV,
} from './cluster/cluster.primary';
import { ConfigError, loadConfig, type AppConfig } from './config/app-config';
import { environmentWithEnvFile } from './config/env-file';
import { createApp } from './create-app';
import { exitGracefullyOnSignals } from './http/http-server.lifecycle';
import { flushLogs } from './http/logger.options';
import { firstStartBanner } from './first-start.banner';

function listeningLine(config: AppConfig): string {
  const database =
    config.database.dialect === 'postgres' ? 'PostgreSQL' : `SQLite at ${config.database.file}`;
  const workers = config.webConcurrency > 1 ? `, ${config.webConcurrency} workers` : '';
  return `Rollcall listening on ${config.publicUrl} (${database}${workers})`;
}

// Only once the port is ours: credentials printed by a start that then fails are lost.
// Until an admin has signed in, every start issues and prints them anew.
async function printFirstStartBanner(app: INestApplication, config: AppConfig): Promise<void> {
  const demo = await app.get(BootstrapDemoOrganization).execute();
  if (!demo) return;
  // The log lines before it (listening) are buffered; the banner comes after them.
  flushLogs();
  process.stdout.write(firstStartBanner(config, demo));
}

/** The HTTP server in this process: the whole server, or one worker of a cluster. */
async function serve(config: AppConfig): Promise<void> {
  const worker = cluster.isWorker ? process.env[WORKER_INDEX_ENV] : undefined;
  // Listened for before the port is: the primary asks as soon as every worker listens.
  const firstStartAsked = new Promise<void>((asked) => {
    if (worker !== undefined)
      process.on('message', (message) => message === FIRST_START_MESSAGE && asked());
  });
  const app = await createApp(config);
  const logger = app.get(Logger);
  exitGracefullyOnSignals(app, config.shutdownTimeoutMs, logger);
  await app.listen(config.port);
  if (worker === undefined) {
    logger.log(listeningLine(config));
    await printFirstStartBanner(app, config);
    return;
  }
  logger.log(`Worker ${worker} of ${config.webConcurrency} listening`);
  await firstStartAsked;
  await printFirstStartBanner(app, config);
}

function runPrimary(config: AppConfig): void {
  const log = pino({ level: config.logLevel }).child({ context: 'Cluster' });
  runClusterPrimary({
    workers: config.webConcurrency,
    shutdownTimeoutMs: config.shutdownTimeoutMs,
    backgroundJobs: config.backgroundJobs,
    log: {
      info: (message) => log.info(message),
      warn: (message) => log.warn(message),
      error: (message) => log.error(message),
    },
    onListening: () => log.info(listeningLine(config)),
  });
}

async function main(): Promise<void> {
  const config = loadConfig(environmentWithEnvFile(process.env));
  if (config.webConcurrency > 1 && cluster.isPrimary) runPrimary(config);
  else await serve(config);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(78); // EX_CONFIG
  }
  process.stderr.write(
    `Rollcall failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
