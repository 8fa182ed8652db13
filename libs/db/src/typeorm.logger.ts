import type { Logger as TypeOrmLogger } from 'typeorm';

/**
 * TypeORM's built-in loggers print each statement's parameters (user documents, token
 * hashes). This one prints the statement and the error's message only.
 */
export class ParameterFreeLogger implements TypeOrmLogger {
  constructor(
    private readonly write: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
  ) {}

  logQuery(query: string): void {
    this.write(`query: ${query}`);
  }

  logQueryError(error: string | Error, query: string): void {
    const message = typeof error === 'string' ? error : error.message;
    this.write(`query failed: ${query} -- ${message}`);
  }

  logQuerySlow(time: number, query: string): void {
    this.write(`slow query (${time} ms): ${query}`);
  }

  logSchemaBuild(message: string): void {
    this.write(message);
  }

  logMigration(message: string): void {
    this.write(message);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    this.write(`${level}: ${message instanceof Error ? message.message : String(message)}`);
  }
}
