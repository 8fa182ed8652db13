import { sanitizeLogText, sanitizeOptionalLogText } from './log-text.sanitizer';

describe('sanitizeLogText', () => {
  it.each([
    ['plain text', 'userName eq "ada@example.com"', 'userName eq "ada@example.com"'],
    ['NUL', 'a\u0000b\u0000', 'a\ufffdb\ufffd'],
    ['a lone high surrogate', 'x\ud83dy', 'x\ufffdy'],
    ['a lone low surrogate', '\ude00z', '\ufffdz'],
    ['a reversed pair', '\ude00\ud83d', '\ufffd\ufffd'],
    ['a valid pair (an emoji)', 'team \ud83d\ude00', 'team \ud83d\ude00'],
  ])('%s', (_case, input, stored) => {
    expect(sanitizeLogText(input)).toBe(stored);
  });

  it('cuts to the column length without leaving half a surrogate pair', () => {
    expect(sanitizeLogText('ab\ud83d\ude00', 3)).toBe('ab\ufffd');
    expect(sanitizeLogText('ab\ud83d\ude00', 4)).toBe('ab\ud83d\ude00');
  });

  it('keeps null as null', () => {
    expect(sanitizeOptionalLogText(null, 10)).toBeNull();
    expect(sanitizeOptionalLogText(undefined)).toBeNull();
  });
});
