import { ACCESS_TOKEN_LIFETIME_MINUTES } from '@rollcall/contracts';

const DAY_MS = 24 * 60 * 60 * 1000;
/** A key signs for 30 days, then the next one takes over. */
export const KEY_SIGNING_PERIOD_MS = 30 * DAY_MS;
/** The next key is published this long before it signs, so every replica knows it first. */
export const KEY_PREPUBLISH_MS = 2 * DAY_MS;
/** A retired key stays published while a token it signed can still be live. */
export const KEY_RETENTION_AFTER_SIGNING_MS = ACCESS_TOKEN_LIFETIME_MINUTES.max * 60_000;

export interface ScheduledKey {
  kid: string;
  activatesAt: Date;
  signsUntil: Date;
}

export interface KeyRotationPlan<K extends ScheduledKey> {
  /** The key that signs now, if any. */
  active: K | undefined;
  /** Keys to serve in the JWKS and accept on validation. */
  published: K[];
  /** Keys no live token can need any more. */
  expired: K[];
  /** Create a key with this window, or nothing to create. */
  create: { activatesAt: Date; signsUntil: Date } | undefined;
}

/**
 * The rotation schedule as a function of the stored keys and the clock: which key signs, which
 * are published, which can go, and whether a key must be created (on first need, or ahead of
 * the active key's end). Every replica computes the same plan from the same rows.
 */
export function planKeyRotation<K extends ScheduledKey>(keys: K[], now: Date): KeyRotationPlan<K> {
  const t = now.getTime();
  const expired = keys.filter((k) => k.signsUntil.getTime() + KEY_RETENTION_AFTER_SIGNING_MS <= t);
  const published = keys.filter((k) => !expired.includes(k));
  // The latest-activated key wins, so two replicas that both created one agree on it.
  const active = published
    .filter((k) => k.activatesAt.getTime() <= t && t < k.signsUntil.getTime())
    .sort(
      (a, b) => b.activatesAt.getTime() - a.activatesAt.getTime() || (a.kid < b.kid ? 1 : -1),
    )[0];
  let create: KeyRotationPlan<K>['create'];
  if (!active) {
    create = { activatesAt: now, signsUntil: new Date(t + KEY_SIGNING_PERIOD_MS) };
  } else if (active.signsUntil.getTime() - t <= KEY_PREPUBLISH_MS) {
    const next = published.some((k) => k.activatesAt.getTime() > t);
    if (!next) {
      const start = active.signsUntil.getTime();
      create = {
        activatesAt: active.signsUntil,
        signsUntil: new Date(start + KEY_SIGNING_PERIOD_MS),
      };
    }
  }
  return { active, published, expired, create };
}
