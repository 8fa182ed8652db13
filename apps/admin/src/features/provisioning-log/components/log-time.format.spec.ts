import { formatLogTime, logTimeTitle } from './log-time.format';

// Jest runs with the machine's zone; the expectations are built from the same Date fields
// so they hold in any zone, and one case pins what UTC looks like.
describe('formatLogTime', () => {
  it('shows local time to the second as YYYY-MM-DD HH:mm:ss', () => {
    const iso = '2031-03-04T05:06:07.089Z';
    const d = new Date(iso);
    const pad = (n: number) => String(n).padStart(2, '0');
    expect(formatLogTime(iso)).toBe(
      `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:07`,
    );
    expect(formatLogTime(iso)).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
  });
});

describe('logTimeTitle', () => {
  it('gives the full local time with offset and zone, and UTC', () => {
    const title = logTimeTitle('2031-03-04T05:06:07.089Z', 'Test/Zone');
    expect(title).toMatch(
      /^\d{4}-\d\d-\d\dT\d\d:\d\d:07\.089[+-]\d\d:\d\d \(Test\/Zone\) = 2031-03-04T05:06:07\.089Z$/,
    );
  });

  it('is consistent: the local part and its offset name the same instant', () => {
    const title = logTimeTitle('2031-07-04T23:59:59.999Z', 'Test/Zone');
    const local = title.split(' ')[0] ?? '';
    expect(new Date(local).toISOString()).toBe('2031-07-04T23:59:59.999Z');
  });
});
