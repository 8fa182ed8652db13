import { DatabaseAvailability } from './database-availability';

describe('DatabaseAvailability', () => {
  it('is fine until requests keep failing for want of a usable database', () => {
    const availability = new DatabaseAvailability();
    expect(availability.troubled()).toBe(false);
    availability.record('timeout');
    availability.record('unreachable');
    expect(availability.troubled()).toBe(false);
    availability.record('timeout');
    expect(availability.troubled()).toBe(true);
  });

  it('does not count SQLite "busy": another process holding the write lock leaves reads working', () => {
    const availability = new DatabaseAvailability();
    for (let i = 0; i < 10; i += 1) availability.record('busy');
    expect(availability.troubled()).toBe(false);
  });
});
