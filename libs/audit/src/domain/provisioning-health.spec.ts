import { bucketKey, healthWindow, ratio, zeroFilled } from './provisioning-health';

describe('healthWindow', () => {
  it('is 24 hour buckets in UTC, the newest holding now', () => {
    const window = healthWindow('24h', new Date('2031-03-04T05:59:59.999Z'));
    expect(window.unit).toBe('hour');
    expect(window.starts).toHaveLength(24);
    expect(window.starts[0]?.toISOString()).toBe('2031-03-03T06:00:00.000Z');
    expect(window.starts[23]?.toISOString()).toBe('2031-03-04T05:00:00.000Z');
  });

  it('starts a new bucket exactly on the hour', () => {
    const window = healthWindow('24h', new Date('2031-03-04T06:00:00.000Z'));
    expect(window.starts[23]?.toISOString()).toBe('2031-03-04T06:00:00.000Z');
  });

  it('is 30 day buckets at UTC midnight', () => {
    const window = healthWindow('30d', new Date('2031-03-04T23:30:00.000Z'));
    expect(window.unit).toBe('day');
    expect(window.starts).toHaveLength(30);
    expect(window.starts[0]?.toISOString()).toBe('2031-02-03T00:00:00.000Z');
    expect(window.starts[29]?.toISOString()).toBe('2031-03-04T00:00:00.000Z');
  });
});

describe('bucketKey', () => {
  it('spells buckets the way the SQL groups them', () => {
    const start = new Date('2031-03-04T05:00:00.000Z');
    expect(bucketKey(start, 'hour')).toBe('2031-03-04 05');
    expect(bucketKey(start, 'day')).toBe('2031-03-04');
  });
});

describe('zeroFilled', () => {
  it('puts counted rows on their bucket and zero everywhere else', () => {
    const window = healthWindow('24h', new Date('2031-03-04T05:10:00.000Z'));
    const buckets = zeroFilled(
      window,
      new Map([
        ['2031-03-04 05', { requests: 4, failures: 1 }],
        ['2031-03-03 06', { requests: 2, failures: 2 }],
        ['2031-03-03 05', { requests: 9, failures: 9 }],
      ]),
    );
    expect(buckets).toHaveLength(24);
    expect(buckets[0]).toEqual({ start: window.starts[0], requests: 2, failures: 2 });
    expect(buckets[23]).toEqual({ start: window.starts[23], requests: 4, failures: 1 });
    expect(buckets.slice(1, 23).every((b) => b.requests === 0 && b.failures === 0)).toBe(true);
  });
});

describe('ratio', () => {
  it('is 0 without requests', () => {
    expect(ratio(0, 0)).toBe(0);
    expect(ratio(2, 5)).toBe(0.4);
  });
});
