import 'reflect-metadata';
import { Logger } from 'nestjs-pino';
import { BootstrapDemoOrganization } from '@rollcall/organizations';
import { ConfigError, loadConfig } from './config/app-config';
import { createApp } from './create-app';
import { firstStartBanner } from './first-start.banner';

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const app = await createApp(config);
  const demo = await app.get(BootstrapDemoOrganization).execute();
  await app.listen(config.port);
  if (demo) process.stdout.write(firstStartBanner(config, demo));
  app
    .get(Logger)
    .log(
      `Rollcall listening on ${config.publicUrl} (${config.database.dialect === 'postgres' ? 'PostgreSQL' : `SQLite at ${config.database.file}`})`,
    );
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
