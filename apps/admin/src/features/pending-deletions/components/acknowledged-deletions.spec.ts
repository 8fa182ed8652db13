import { deletionKey, parseAcknowledged, withAcknowledged } from './acknowledged-deletions';

const entry = (id: string, deletedAt: string) => ({ team: { id }, deletedAt }) as never;

describe('acknowledged provisioning deletions', () => {
  it('keys a deletion by team and deletion time, so a second deletion warns again', () => {
    expect(deletionKey(entry('t1', '2026-01-01T00:00:00.000Z'))).not.toBe(
      deletionKey(entry('t1', '2026-02-01T00:00:00.000Z')),
    );
  });

  it('adds the acknowledged deletions and drops those no longer pending', () => {
    const a = entry('a', '2026-01-01T00:00:00.000Z');
    const b = entry('b', '2026-01-02T00:00:00.000Z');
    const gone = entry('gone', '2026-01-03T00:00:00.000Z');
    expect(withAcknowledged([deletionKey(gone), deletionKey(a)], [b], [a, b]).sort()).toEqual(
      [deletionKey(a), deletionKey(b)].sort(),
    );
  });

  it('reads only a list of strings from storage', () => {
    expect(parseAcknowledged(null)).toEqual([]);
    expect(parseAcknowledged('not json')).toEqual([]);
    expect(parseAcknowledged('{"a":1}')).toEqual([]);
    expect(parseAcknowledged('["x", 3, "y"]')).toEqual(['x', 'y']);
  });
});
