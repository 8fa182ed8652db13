import cluster from 'node:cluster';
import { pino } from 'pino';
import { runClusterPrimary } from './cluster/cluster.primary';
import { ConfigError, loadConfig, type AppConfig } from './config/app-config';
import { environmentWithEnvFile } from './config/env-file';
import { listeningLine } from './listening-line';
import { tuneHeapOfThisProcess, workerExecArgv } from './runtime/heap-tuning';

function runPrimary(config: AppConfig): void {
  cluster.setupPrimary({ execArgv: workerExecArgv() });
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
  if (config.webConcurrency > 1 && cluster.isPrimary) {
    // The primary only forks and watches: the application is loaded in the workers alone.
    runPrimary(config);
    return;
  }
  if (cluster.isPrimary) tuneHeapOfThisProcess();
  const { serve } = await import('./serve');
  await serve(config);
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
