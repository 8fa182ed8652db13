import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { NestFactory } from '@nestjs/core';
import { OrganizationError } from '@rollcall/organizations';
import { SsoError } from '@rollcall/sso';
import { CLI_USAGE, CliUsageError, runCliCommand } from './cli/cli.commands';
import { CliModule } from './cli/cli.module';
import { ConfigError, loadConfig } from './config/app-config';
import { environmentWithEnvFile } from './config/env-file';

/**
 * `npm run cli -- …`: operator commands against the configured database. With --json the
 * result is one JSON line on stdout; everything else goes to stderr, so scripts can parse it.
 */
async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      invite: { type: 'boolean', default: false },
      'admin-email': { type: 'string' },
      'admin-password': { type: 'string' },
      label: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const [command, ...rest] = positionals;
  if (!command || values.help) {
    process.stderr.write(CLI_USAGE);
    return command ? 0 : 2;
  }
  const env = environmentWithEnvFile(process.env);
  const config = loadConfig(env);
  // The Tenant URL printed below is only right if it is the server's own PUBLIC_URL.
  if (!env['PUBLIC_URL'] && /^(org:create|org:show|token:create)$/.test(command)) {
    process.stderr.write(
      `PUBLIC_URL is not set: the Tenant URL assumes ${config.publicUrl}. Set PUBLIC_URL (or .env) as the server has it.\n`,
    );
  }
  const app = await NestFactory.createApplicationContext(CliModule.forRoot(config), {
    logger: false,
    // A wiring error is thrown (and printed below) instead of exiting without a word.
    abortOnError: false,
  });
  try {
    const output = await runCliCommand(app, config, {
      command,
      positionals: rest,
      options: values,
    });
    process.stdout.write(values.json ? `${JSON.stringify(output.json)}\n` : `${output.text}\n`);
    return 0;
  } finally {
    await app.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    const usage =
      error instanceof CliUsageError ||
      (error instanceof TypeError &&
        'code' in error &&
        String(error.code).startsWith('ERR_PARSE_ARGS'));
    const expected =
      usage ||
      error instanceof ConfigError ||
      error instanceof OrganizationError ||
      error instanceof SsoError;
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    if (!expected && error instanceof Error && error.stack)
      process.stderr.write(`${error.stack}\n`);
    process.exit(usage ? 2 : 1);
  },
);
