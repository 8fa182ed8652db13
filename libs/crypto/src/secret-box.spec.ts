import { SecretBox, SecretBoxError, generateEncryptionKey, parseEncryptionKey } from './secret-box';

describe('SecretBox', () => {
  const box = new SecretBox(generateEncryptionKey());

  it('opens what it sealed, and never stores the plaintext', () => {
    const sealed = box.seal('client-secret-value', 'row-1');
    expect(sealed).not.toContain('client-secret-value');
    expect(sealed.startsWith('v1.')).toBe(true);
    expect(box.open(sealed, 'row-1')).toBe('client-secret-value');
  });

  it('seals the same value differently each time (fresh IV)', () => {
    expect(box.seal('same')).not.toBe(box.seal('same'));
  });

  it('refuses a value sealed for another row', () => {
    const sealed = box.seal('secret', 'row-1');
    expect(() => box.open(sealed, 'row-2')).toThrow(SecretBoxError);
  });

  it('refuses a value sealed with another key', () => {
    const other = new SecretBox(generateEncryptionKey());
    expect(() => other.open(box.seal('secret'))).toThrow(SecretBoxError);
  });

  it('refuses altered ciphertext and unknown formats', () => {
    const [version, iv, tag, ciphertext] = box.seal('secret').split('.') as [
      string,
      string,
      string,
      string,
    ];
    const flipped = Buffer.from(ciphertext, 'base64url');
    flipped[0] = (flipped[0] ?? 0) ^ 1;
    expect(() => box.open([version, iv, tag, flipped.toString('base64url')].join('.'))).toThrow(
      SecretBoxError,
    );
    expect(() => box.open('plaintext')).toThrow(SecretBoxError);
  });

  it('requires a 32-byte key', () => {
    expect(() => new SecretBox(Buffer.alloc(16))).toThrow(SecretBoxError);
    expect(() => new SecretBox(generateEncryptionKey(), [Buffer.alloc(16)])).toThrow(
      SecretBoxError,
    );
  });
});

describe('SecretBox key rotation', () => {
  const oldKey = generateEncryptionKey();
  const newKey = generateEncryptionKey();
  const before = new SecretBox(oldKey);
  const during = new SecretBox(newKey, [oldKey]);
  const after = new SecretBox(newKey);

  it('opens values sealed with a previous key, and seals only with the current one', () => {
    const old = before.seal('client-secret', 'row-1');
    expect(during.open(old, 'row-1')).toBe('client-secret');
    expect(after.open(during.seal('x', 'row-1'), 'row-1')).toBe('x');
    expect(() => after.open(old, 'row-1')).toThrow(SecretBoxError);
  });

  it('reseals an old value for the current key, and leaves a current one alone', () => {
    const old = before.seal('signing-key', 'kid-1');
    const resealed = during.reseal(old, 'kid-1');
    expect(resealed).not.toBeNull();
    expect(after.open(resealed ?? '', 'kid-1')).toBe('signing-key');
    expect(during.reseal(resealed ?? '', 'kid-1')).toBeNull();
  });

  it('still binds the row: a previous key does not open a value moved to another row', () => {
    const old = before.seal('secret', 'row-1');
    expect(() => during.open(old, 'row-2')).toThrow(SecretBoxError);
    expect(() => during.reseal(old, 'row-2')).toThrow(SecretBoxError);
  });

  it('refuses what no key opens', () => {
    expect(() => during.reseal(new SecretBox(generateEncryptionKey()).seal('x'))).toThrow(
      SecretBoxError,
    );
  });
});

describe('parseEncryptionKey', () => {
  it('reads 32 bytes as base64 or hex', () => {
    const key = generateEncryptionKey();
    expect(parseEncryptionKey(key.toString('base64'))?.equals(key)).toBe(true);
    expect(parseEncryptionKey(key.toString('hex'))?.equals(key)).toBe(true);
  });

  it('refuses short keys and passphrases', () => {
    expect(parseEncryptionKey('correct horse battery staple')).toBeUndefined();
    expect(parseEncryptionKey(Buffer.alloc(16).toString('base64'))).toBeUndefined();
  });
});
