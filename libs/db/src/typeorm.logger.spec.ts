import { QueryFailedError } from 'typeorm';
import { databaseErrorForLog } from './database-error.log';
import { ParameterFreeLogger } from './typeorm.logger';

const SECRET = 'password-like-value-0000';

describe('ParameterFreeLogger', () => {
  it('prints statements and errors without their parameters', () => {
    const lines: string[] = [];
    const logger = new ParameterFreeLogger((line) => lines.push(line));
    logger.logQuery('INSERT INTO users (doc) VALUES ($1)');
    logger.logQueryError(new Error('boom'), 'INSERT INTO users (doc) VALUES ($1)');
    logger.logQuerySlow(1200, 'SELECT $1');
    expect(lines).toEqual([
      'query: INSERT INTO users (doc) VALUES ($1)',
      'query failed: INSERT INTO users (doc) VALUES ($1) -- boom',
      'slow query (1200 ms): SELECT $1',
    ]);
  });
});

describe('databaseErrorForLog', () => {
  it('drops parameters and quoted values from a QueryFailedError, at every depth', () => {
    const driverError = Object.assign(new Error('duplicate key value'), {
      code: '23505',
      detail: `Key (token_hash)=(${SECRET}) already exists.`,
    });
    const failed = new QueryFailedError('INSERT INTO t (a) VALUES ($1)', [SECRET], driverError);
    const wrapped = new Error('outer', { cause: failed });
    const logged = JSON.stringify(databaseErrorForLog(wrapped));
    expect(logged).not.toContain(SECRET);
    expect(logged).toContain('23505');
    expect(logged).toContain('INSERT INTO t (a) VALUES ($1)');
  });

  it('leaves non-objects as they are', () => {
    expect(databaseErrorForLog('text')).toBe('text');
    expect(databaseErrorForLog(undefined)).toBeUndefined();
  });
});
