import { formatRelative } from './date.format';

describe('formatRelative', () => {
  const now = Date.parse('2026-03-12T12:00:00Z');

  it.each([
    ['2026-03-12T11:59:58Z', 'just now'],
    ['2026-03-12T11:55:00Z', '5 minutes ago'],
    ['2026-03-12T11:00:00Z', '1 hour ago'],
    ['2026-03-15T12:00:00Z', 'in 3 days'],
    ['2026-03-12T12:30:00Z', 'in 30 minutes'],
  ])('%s → %s', (iso, expected) => {
    expect(formatRelative(iso, now)).toBe(expected);
  });
});
