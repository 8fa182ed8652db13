import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { NestFactory } from '@nestjs/core';
import { OrganizationError } from '@rollcall/organizations';
import { CoreModule } from './app.module';
import { ConfigError, loadConfig } from './config/app-config';
import { CLI_USAGE, CliUsageError, runCliCommand } from './cli/cli.commands';

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
  const config = loadConfig(process.env);
  const app = await NestFactory.createApplicationContext(CoreModule.forRoot(config), {
    logger: false,
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
    const expected = usage || error instanceof ConfigError || error instanceof OrganizationError;
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    if (!expected && error instanceof Error && error.stack)
      process.stderr.write(`${error.stack}\n`);
    process.exit(usage ? 2 : 1);
  },
);
