import {
  acceptedTotpStep,
  base32Decode,
  base32Encode,
  hotp,
  newTotpSecret,
  totpStep,
  totpUri,
} from './totp';

// RFC 6238 Appendix B's SHA-1 vectors (the 20-byte ASCII key "12345678901234567890"), cut to
// the 6 digits apps show, and RFC 4226 Appendix D's HOTP values for the same key.
const RFC_KEY = Buffer.from('12345678901234567890', 'ascii');
const RFC_SECRET = base32Encode(RFC_KEY);

describe('TOTP', () => {
  it.each([
    [59, '287082'],
    [1111111109, '081804'],
    [1111111111, '050471'],
    [1234567890, '005924'],
    [2000000000, '279037'],
  ])('matches RFC 6238 at T=%i', (seconds, code) => {
    expect(hotp(RFC_KEY, totpStep(new Date(seconds * 1000)))).toBe(code);
  });

  it.each([
    [0, '755224'],
    [1, '287082'],
    [9, '520489'],
  ])('matches RFC 4226 HOTP at counter %i', (counter, code) => {
    expect(hotp(RFC_KEY, counter)).toBe(code);
  });

  it('round-trips Base32 (RFC 4648 §10 vectors, unpadded)', () => {
    expect(base32Encode(Buffer.from('foobar'))).toBe('MZXW6YTBOI');
    expect(base32Decode('MZXW6YTBOI').toString()).toBe('foobar');
    expect(base32Decode('mzxw6ytboi======').toString()).toBe('foobar');
    const secret = newTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(base32Decode(secret)).toHaveLength(20);
  });

  it('accepts the current step and one either side, no further', () => {
    const now = new Date(1111111111 * 1000);
    const step = totpStep(now);
    expect(acceptedTotpStep(RFC_SECRET, hotp(RFC_KEY, step), null, now)).toBe(step);
    expect(acceptedTotpStep(RFC_SECRET, hotp(RFC_KEY, step - 1), null, now)).toBe(step - 1);
    expect(acceptedTotpStep(RFC_SECRET, hotp(RFC_KEY, step + 1), null, now)).toBe(step + 1);
    expect(acceptedTotpStep(RFC_SECRET, hotp(RFC_KEY, step - 2), null, now)).toBeNull();
    expect(acceptedTotpStep(RFC_SECRET, hotp(RFC_KEY, step + 2), null, now)).toBeNull();
  });

  it('refuses a step at or before the last one used, and malformed codes', () => {
    const now = new Date(1234567890 * 1000);
    const step = totpStep(now);
    const code = hotp(RFC_KEY, step);
    expect(acceptedTotpStep(RFC_SECRET, code, step, now)).toBeNull();
    expect(acceptedTotpStep(RFC_SECRET, code, step - 1, now)).toBe(step);
    expect(acceptedTotpStep(RFC_SECRET, `${code.slice(0, 3)} ${code.slice(3)}`, null, now)).toBe(
      step,
    );
    expect(acceptedTotpStep(RFC_SECRET, `${code}0`, null, now)).toBeNull();
    expect(acceptedTotpStep(RFC_SECRET, 'abcdef', null, now)).toBeNull();
  });

  it('writes the otpauth URL authenticator apps read', () => {
    expect(totpUri('ada+x@example.com', 'JBSWY3DPEHPK3PXP')).toBe(
      'otpauth://totp/Rollcall:ada%2Bx%40example.com?secret=JBSWY3DPEHPK3PXP&issuer=Rollcall&algorithm=SHA1&digits=6&period=30',
    );
  });
});
