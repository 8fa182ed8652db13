import {
  RECOVERY_CODE_COUNT,
  generateRecoveryCodes,
  normalizeRecoveryCode,
  recoveryCodeHash,
} from './recovery-codes';

describe('recovery codes', () => {
  it('are ten distinct codes of four groups of four, without look-alike characters', () => {
    const codes = generateRecoveryCodes();
    expect(codes).toHaveLength(RECOVERY_CODE_COUNT);
    expect(new Set(codes).size).toBe(RECOVERY_CODE_COUNT);
    for (const code of codes) expect(code).toMatch(/^([a-hjkmnp-z2-9]{4}-){3}[a-hjkmnp-z2-9]{4}$/);
  });

  it('hash the same however they are typed, and differently per admin', () => {
    expect(normalizeRecoveryCode(' ABCD-efgh ijkm-NPQR ')).toBe('abcdefghijkmnpqr');
    const hash = recoveryCodeHash('admin-1', 'abcd-efgh-ijkm-npqr');
    expect(recoveryCodeHash('admin-1', 'ABCD EFGH IJKM NPQR')).toBe(hash);
    expect(recoveryCodeHash('admin-2', 'abcd-efgh-ijkm-npqr')).not.toBe(hash);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
  });
});
