import 'reflect-metadata';
import cluster from 'node:cluster';
import type { INestApplication } from '@nestjs/common';
import { Logger } from 'nestjs-pino';
import { BootstrapDemoOrganization } from '@rollcall/organizations';
import { FIRST_START_MESSAGE, WORKER_INDEX_ENV } from './cluster/cluster.primary';
import type { AppConfig } from './config/app-config';
import { createApp } from './create-app';
import { firstStartBanner } from './first-start.banner';
import { exitGracefullyOnSignals } from './http/http-server.lifecycle';
import { flushLogs } from './http/logger.options';
import { listeningLine } from './listening-line';

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
export async function serve(config: AppConfig): Promise<void> {
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
