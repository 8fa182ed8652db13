import {
  findUnstorableString,
  isUnstorable,
  unstorableQueryParameter,
} from './unstorable-input.guard';

describe('unstorable input', () => {
  it.each<[string, boolean]>([
    ['plain', false],
    ['', false],
    ['Rocket 🚀', false],
    ['\ud83d\ude80', false],
    ['a\u0000b', true],
    ['\u0000', true],
    ['x\ud800', true],
    ['\ud800x', true],
    ['\udc00', true],
    ['\ude80\ud83d', true],
  ])('%j → %p', (text, expected) => {
    expect(isUnstorable(text)).toBe(expected);
  });

  it('finds a NUL at any depth and names the top-level key it sits under', () => {
    expect(findUnstorableString({ a: [{ b: ['ok', 'x\u0000'] }] })).toEqual({ topLevelKey: 'a' });
    expect(findUnstorableString({ filter: 'userName eq "\u0000"' })).toEqual({
      topLevelKey: 'filter',
    });
    expect(findUnstorableString(['\udfff'])).toEqual({ topLevelKey: undefined });
  });

  it('checks keys as well as values', () => {
    expect(findUnstorableString({ ok: { 'k\u0000': 1 } })).toEqual({ topLevelKey: 'ok' });
  });

  it('walks a very deep or very wide value without recursion', () => {
    let deep: unknown = 'a\u0000';
    for (let i = 0; i < 100_000; i += 1) deep = [deep];
    expect(findUnstorableString(deep)).toBeDefined();
    expect(findUnstorableString(new Array<string>(200_000).fill('ok'))).toBeUndefined();
  });

  it('names the query parameter, with the unstorable characters masked', () => {
    expect(unstorableQueryParameter({ filter: 'a', count: ['1', '2\u0000'] })).toBe('count');
    expect(unstorableQueryParameter({ 'a\u0000': 'x' })).toBe('a?');
    expect(unstorableQueryParameter({ filter: 'userName eq "a"' })).toBeUndefined();
  });
});
