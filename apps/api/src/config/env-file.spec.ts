import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { environmentWithEnvFile } from './env-file';

describe('environmentWithEnvFile', () => {
  let directory: string;

  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'rollcall-env-'));
  });

  afterEach(() => {
    rmSync(directory, { recursive: true, force: true });
  });

  it('fills in what the file sets, and the real environment wins', () => {
    const file = join(directory, '.env');
    writeFileSync(
      file,
      '# comment\nPORT=4000\nPUBLIC_URL="https://rollcall.example.com"\nLOG_LEVEL=debug\nEMPTY=\n',
    );
    const env = environmentWithEnvFile({ PORT: '5000', OTHER: 'x' }, file);
    expect(env).toMatchObject({
      PORT: '5000',
      PUBLIC_URL: 'https://rollcall.example.com',
      LOG_LEVEL: 'debug',
      EMPTY: '',
      OTHER: 'x',
    });
  });

  it('is the environment alone when there is no file', () => {
    expect(environmentWithEnvFile({ PORT: '5000' }, join(directory, '.env'))).toEqual({
      PORT: '5000',
    });
  });

  it('reads the file ENV_FILE names, and none when ENV_FILE is empty', () => {
    const file = join(directory, 'rollcall.env');
    writeFileSync(file, 'PORT=4000\n');
    expect(environmentWithEnvFile({ ENV_FILE: file })['PORT']).toBe('4000');
    expect(environmentWithEnvFile({ ENV_FILE: '' })).toEqual({ ENV_FILE: '' });
  });

  it('refuses a file it cannot read rather than starting without it', () => {
    expect(() => environmentWithEnvFile({}, directory)).toThrow();
  });
});
