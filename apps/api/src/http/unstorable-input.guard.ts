/**
 * NUL, or a UTF-16 surrogate without its pair. PostgreSQL refuses both (text cannot hold
 * NUL; jsonb refuses `\u0000` and an unpaired `\ud800`), SQLite would store them.
 */
const UNSTORABLE_SOURCE =
  '\\0|[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])|(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]';
const UNSTORABLE = new RegExp(UNSTORABLE_SOURCE);
const UNSTORABLE_ALL = new RegExp(UNSTORABLE_SOURCE, 'g');

export function isUnstorable(text: string): boolean {
  return UNSTORABLE.test(text);
}

/** Where an unstorable string sits: under which top-level key of the body, if any. */
export interface UnstorableAt {
  topLevelKey: string | undefined;
}

/**
 * Finds an unstorable string or key anywhere in a parsed body. Iterative, so a value of any
 * depth costs one pass and no stack.
 */
export function findUnstorableString(value: unknown): UnstorableAt | undefined {
  const pending: { value: unknown; topLevelKey: string | undefined }[] = [
    { value, topLevelKey: undefined },
  ];
  while (pending.length > 0) {
    const next = pending.pop() as (typeof pending)[number];
    const { topLevelKey } = next;
    if (typeof next.value === 'string') {
      if (isUnstorable(next.value)) return { topLevelKey };
    } else if (Array.isArray(next.value)) {
      // Not push(...items): spreading a 100k-element array overflows the argument limit.
      for (const item of next.value as unknown[]) pending.push({ value: item, topLevelKey });
    } else if (typeof next.value === 'object' && next.value !== null) {
      for (const [key, inner] of Object.entries(next.value)) {
        if (isUnstorable(key)) return { topLevelKey: topLevelKey ?? key };
        pending.push({ value: inner, topLevelKey: topLevelKey ?? key });
      }
    }
  }
  return undefined;
}

/** The first query parameter whose name or value is unstorable. */
export function unstorableQueryParameter(query: unknown): string | undefined {
  if (typeof query !== 'object' || query === null) return undefined;
  for (const [name, value] of Object.entries(query)) {
    if (isUnstorable(name) || findUnstorableString(value)) return name.replace(UNSTORABLE_ALL, '?');
  }
  return undefined;
}
