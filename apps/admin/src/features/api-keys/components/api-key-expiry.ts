const DAY_MS = 86_400_000;

export type ApiKeyExpiryChoice = 'never' | '7' | '30' | '90' | '365';

export const API_KEY_EXPIRY_OPTIONS: { value: ApiKeyExpiryChoice; label: string }[] = [
  { value: 'never', label: 'Never (until revoked)' },
  { value: '7', label: 'In 7 days' },
  { value: '30', label: 'In 30 days' },
  { value: '90', label: 'In 90 days' },
  { value: '365', label: 'In 1 year' },
];

/** The `expiresAt` to send for a choice, counted from `now`; null for a key without expiry. */
export function expiresAtFor(choice: ApiKeyExpiryChoice, now: number): string | null {
  if (choice === 'never') return null;
  return new Date(now + Number(choice) * DAY_MS).toISOString();
}
