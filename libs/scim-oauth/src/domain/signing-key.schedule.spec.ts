import {
  KEY_PREPUBLISH_MS,
  KEY_RETENTION_AFTER_SIGNING_MS,
  KEY_SIGNING_PERIOD_MS,
  planKeyRotation,
  type ScheduledKey,
} from './signing-key.schedule';

const t0 = new Date('2026-03-01T00:00:00Z').getTime();
const at = (ms: number) => new Date(t0 + ms);
const key = (kid: string, activatesAt: number, signsUntil = activatesAt + KEY_SIGNING_PERIOD_MS) =>
  ({ kid, activatesAt: at(activatesAt), signsUntil: at(signsUntil) }) satisfies ScheduledKey;

describe('planKeyRotation', () => {
  it('creates the first key on first need, active at once for 30 days', () => {
    const plan = planKeyRotation([], at(0));
    expect(plan.active).toBeUndefined();
    expect(plan.create).toEqual({ activatesAt: at(0), signsUntil: at(KEY_SIGNING_PERIOD_MS) });
  });

  it('keeps signing with the current key and creates nothing mid-period', () => {
    const k1 = key('k1', 0);
    const plan = planKeyRotation([k1], at(10 * 86_400_000));
    expect(plan.active).toBe(k1);
    expect(plan.create).toBeUndefined();
    expect(plan.published).toEqual([k1]);
  });

  it('publishes the next key ahead of time, starting when the current one stops', () => {
    const k1 = key('k1', 0);
    const now = KEY_SIGNING_PERIOD_MS - KEY_PREPUBLISH_MS + 1;
    const plan = planKeyRotation([k1], at(now));
    expect(plan.active).toBe(k1);
    expect(plan.create).toEqual({
      activatesAt: k1.signsUntil,
      signsUntil: at(2 * KEY_SIGNING_PERIOD_MS),
    });
    // Once created, it is published but does not sign yet.
    const k2 = key('k2', KEY_SIGNING_PERIOD_MS);
    const next = planKeyRotation([k1, k2], at(now));
    expect(next.active).toBe(k1);
    expect(next.create).toBeUndefined();
    expect(next.published).toEqual([k1, k2]);
  });

  it('switches to the next key when its period starts, keeping the old one published', () => {
    const k1 = key('k1', 0);
    const k2 = key('k2', KEY_SIGNING_PERIOD_MS);
    const plan = planKeyRotation([k1, k2], at(KEY_SIGNING_PERIOD_MS));
    expect(plan.active).toBe(k2);
    expect(plan.published).toEqual([k1, k2]);
    expect(plan.expired).toEqual([]);
  });

  it('drops a retired key once every token it signed has expired (6 h)', () => {
    const k1 = key('k1', 0);
    const k2 = key('k2', KEY_SIGNING_PERIOD_MS);
    const justBefore = planKeyRotation(
      [k1, k2],
      at(KEY_SIGNING_PERIOD_MS + KEY_RETENTION_AFTER_SIGNING_MS - 1),
    );
    expect(justBefore.published).toContain(k1);
    const after = planKeyRotation(
      [k1, k2],
      at(KEY_SIGNING_PERIOD_MS + KEY_RETENTION_AFTER_SIGNING_MS),
    );
    expect(after.expired).toEqual([k1]);
    expect(after.published).toEqual([k2]);
    expect(KEY_RETENTION_AFTER_SIGNING_MS).toBe(6 * 60 * 60 * 1000);
  });

  it('creates a key active now when every key has lapsed (the server was down)', () => {
    const k1 = key('k1', 0);
    const now = 3 * KEY_SIGNING_PERIOD_MS;
    const plan = planKeyRotation([k1], at(now));
    expect(plan.active).toBeUndefined();
    expect(plan.expired).toEqual([k1]);
    expect(plan.create?.activatesAt).toEqual(at(now));
  });

  it('agrees on one active key when two replicas created one at the same moment', () => {
    const a = key('a', 0);
    const b = key('b', 0);
    expect(planKeyRotation([a, b], at(1)).active).toBe(b);
    expect(planKeyRotation([b, a], at(1)).active).toBe(b);
  });
});
