import { QueryFailedError } from 'typeorm';
import { databaseUnavailability, isDatabaseUnavailable } from './database-unavailable';

const withCode = (code: string, message = 'failed') => Object.assign(new Error(message), { code });

describe('databaseUnavailability', () => {
  it.each([
    [
      'statement_timeout',
      withCode('57014', 'canceling statement due to statement timeout'),
      'timeout',
    ],
    ['lock_timeout', withCode('55P03', 'canceling statement due to lock timeout'), 'timeout'],
    ['admin shutdown', withCode('57P01'), 'unreachable'],
    ['crash shutdown', withCode('57P02'), 'unreachable'],
    ['starting up', withCode('57P03', 'the database system is starting up'), 'unreachable'],
    ['too many connections', withCode('53300'), 'unreachable'],
    ['connection exception class 08', withCode('08006'), 'unreachable'],
    ['refused', withCode('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432'), 'unreachable'],
    ['reset', withCode('ECONNRESET'), 'unreachable'],
    ['socket timeout', withCode('ETIMEDOUT'), 'unreachable'],
    ['pool acquire timeout', new Error('timeout exceeded when trying to connect'), 'timeout'],
    ['connect timeout', new Error('Connection terminated due to connection timeout'), 'timeout'],
    ['lost connection', new Error('Connection terminated unexpectedly'), 'unreachable'],
    ['client-side query timeout', new Error('Query read timeout'), 'timeout'],
    ['SQLite busy', withCode('SQLITE_BUSY', 'database is locked'), 'busy'],
    ['SQLite busy snapshot', withCode('SQLITE_BUSY_SNAPSHOT'), 'busy'],
    ['SQLite locked', withCode('SQLITE_LOCKED'), 'busy'],
    [
      'TypeORM not connected',
      Object.assign(new Error('Cannot execute operation'), {
        name: 'CannotExecuteNotConnectedError',
      }),
      'unreachable',
    ],
  ] as const)('%s → %s', (_, error, kind) => {
    expect(databaseUnavailability(error)).toBe(kind);
  });

  it('looks inside a QueryFailedError at the driver error', () => {
    const failed = new QueryFailedError('SELECT 1', [], withCode('57014'));
    expect(databaseUnavailability(failed)).toBe('timeout');
  });

  it('looks through cause chains and AggregateError (every address refused)', () => {
    const refused = new AggregateError([withCode('ECONNREFUSED'), withCode('ECONNREFUSED')]);
    expect(databaseUnavailability(refused)).toBe('unreachable');
    expect(databaseUnavailability(new Error('wrapped', { cause: withCode('57P01') }))).toBe(
      'unreachable',
    );
  });

  it.each([
    ['a unique violation', new QueryFailedError('INSERT', [], withCode('23505'))],
    ['a syntax error', withCode('42601')],
    ['an SQLite constraint', withCode('SQLITE_CONSTRAINT_UNIQUE')],
    ['a plain bug', new TypeError('x is undefined')],
    ['a string', 'boom'],
    ['null', null],
  ])('leaves %s alone (a 500 or a domain answer, not a 503)', (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });

  it('stops on a cyclic cause chain', () => {
    const error = new Error('loop') as Error & { cause?: unknown };
    error.cause = error;
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});
