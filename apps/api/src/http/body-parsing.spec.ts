import { MAX_JSON_DEPTH, jsonNestingExceeds } from './body-parsing';

const deep = (levels: number) => Buffer.from(`${'['.repeat(levels)}${']'.repeat(levels)}`);

describe('jsonNestingExceeds', () => {
  it('allows exactly the limit and refuses one level more', () => {
    expect(jsonNestingExceeds(deep(MAX_JSON_DEPTH), MAX_JSON_DEPTH)).toBe(false);
    expect(jsonNestingExceeds(deep(MAX_JSON_DEPTH + 1), MAX_JSON_DEPTH)).toBe(true);
  });

  it('counts objects and arrays alike', () => {
    expect(jsonNestingExceeds(Buffer.from('{"a":[{"b":[1]}]}'), 4)).toBe(false);
    expect(jsonNestingExceeds(Buffer.from('{"a":[{"b":[1]}]}'), 3)).toBe(true);
  });

  it('ignores brackets inside strings, escaped quotes included', () => {
    const text = JSON.stringify({ filter: `${'{['.repeat(500)}\\"${'['.repeat(500)}` });
    expect(jsonNestingExceeds(Buffer.from(text), 2)).toBe(false);
  });

  it('reads multi-byte UTF-8 without mistaking its bytes for brackets', () => {
    expect(jsonNestingExceeds(Buffer.from('{"t":"🚀［｛ž"}'), 1)).toBe(false);
  });

  it('refuses a 2,000-level body that would overflow recursive walks', () => {
    expect(jsonNestingExceeds(Buffer.from(`${'{"a":'.repeat(2100)}1${'}'.repeat(2100)}`), 64)).toBe(
      true,
    );
  });
});
