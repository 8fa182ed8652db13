import { SqlStatement, bindNamedParameters, positional } from './sql-statement';
import { inIdList, sqlValues } from './sql-values';

describe('SqlStatement', () => {
  it('numbers the placeholders for PostgreSQL and keeps them for SQLite', () => {
    const statement = new SqlStatement('SELECT id FROM users WHERE a = ? AND b = ?');
    expect(statement.text('sqlite')).toBe('SELECT id FROM users WHERE a = ? AND b = ?');
    expect(statement.text('postgres')).toBe('SELECT id FROM users WHERE a = $1 AND b = $2');
    expect(statement.append('FOR UPDATE').text('postgres')).toBe(
      'SELECT id FROM users WHERE a = $1 AND b = $2 FOR UPDATE',
    );
  });

  it('numbers a run-time fragment from where the bound values end', () => {
    expect(positional('x = ? OR y = ?', 'postgres', 3)).toBe('x = $3 OR y = $4');
    expect(positional('x = ? OR y = ?', 'sqlite', 3)).toBe('x = ? OR y = ?');
  });
});

describe('bindNamedParameters', () => {
  it('binds named parameters in order after those already bound, twice when used twice', () => {
    const values: unknown[] = ['org'];
    const text = bindNamedParameters(
      '(u.a = :f0 OR u.b = :f1) AND u.c <> :f0',
      { f0: 'x', f1: 2 },
      'postgres',
      values,
    );
    expect(text).toBe('(u.a = $2 OR u.b = $3) AND u.c <> $4');
    expect(values).toEqual(['org', 'x', 2, 'x']);
  });

  it('leaves casts and names that are not parameters alone', () => {
    const values: unknown[] = [];
    const text = bindNamedParameters(
      "(u.resource->>'x')::boolean = :f0 AND :other",
      { f0: true },
      'sqlite',
      values,
    );
    expect(text).toBe("(u.resource->>'x')::boolean = ? AND :other");
    expect(values).toEqual([true]);
  });

  it('does not take a parameter name from the prototype', () => {
    const values: unknown[] = [];
    expect(bindNamedParameters('a = :constructor', {}, 'sqlite', values)).toBe('a = :constructor');
    expect(values).toEqual([]);
  });
});

describe('sqlValues', () => {
  const moment = new Date('2026-03-04T05:06:07.089Z');

  it('writes SQLite timestamps as UTC text TypeORM also writes and reads them back', () => {
    const v = sqlValues('sqlite');
    expect(v.timestamp(moment)).toBe('2026-03-04 05:06:07.089');
    expect(v.readDate('2026-03-04 05:06:07.089').toISOString()).toBe(moment.toISOString());
    expect(v.readDate('2026-03-04T05:06:07.089Z').toISOString()).toBe(moment.toISOString());
    expect(v.readDateOrNull(null)).toBeNull();
    expect(v.timestampOrNull(null)).toBeNull();
  });

  it('stores SQLite booleans as 0/1 and reads 0/1 back', () => {
    const v = sqlValues('sqlite');
    expect([v.bool(true), v.bool(false)]).toEqual([1, 0]);
    expect([v.readBool(1), v.readBool(0), v.readBool(null)]).toEqual([true, false, false]);
  });

  it('passes PostgreSQL values through and reads its bigint counts as numbers', () => {
    const v = sqlValues('postgres');
    expect(v.bool(false)).toBe(false);
    expect(v.timestamp(moment)).toBe(moment);
    expect(v.readCount('42')).toBe(42);
    expect(v.readJson({ a: 1 })).toEqual({ a: 1 });
    expect(v.idList(['a', 'b'])).toEqual(['a', 'b']);
  });

  it('sends JSON as text in both dialects, so an array is never a PostgreSQL array', () => {
    expect(sqlValues('postgres').json(['a'])).toBe('["a"]');
    expect(sqlValues('sqlite').readJson('{"a":[1]}')).toEqual({ a: [1] });
    expect(sqlValues('sqlite').idList(['a', 'b'])).toBe('["a","b"]');
  });

  it('spells an id-list test per dialect', () => {
    expect(inIdList('tm.user_id', 'postgres')).toBe('tm.user_id = ANY(?::text[])');
    expect(inIdList('tm.user_id', 'sqlite')).toBe('tm.user_id IN (SELECT value FROM json_each(?))');
  });
});
