import 'reflect-metadata';
import { Logger } from 'nestjs-pino';
import { BootstrapDemoOrganization } from '@rollcall/organizations';
import { ConfigError, loadConfig } from './config/app-config';
import { environmentWithEnvFile } from './config/env-file';
import { createApp } from './create-app';
import { exitGracefullyOnSignals } from './http/http-server.lifecycle';
import { firstStartBanner } from './first-start.banner';

async function main(): Promise<void> {
  const config = loadConfig(environmentWithEnvFile(process.env));
  const app = await createApp(config);
  exitGracefullyOnSignals(app, config.shutdownTimeoutMs, app.get(Logger));
  await app.listen(config.port);
  app
    .get(Logger)
    .log(
      `Rollcall listening on ${config.publicUrl} (${config.database.dialect === 'postgres' ? 'PostgreSQL' : `SQLite at ${config.database.file}`})`,
    );
  // Only once the port is ours: credentials printed by a start that then fails are lost.
  // Until an admin has signed in, every start issues and prints them anew.
  const demo = await app.get(BootstrapDemoOrganization).execute();
  if (demo) process.stdout.write(firstStartBanner(config, demo));
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
