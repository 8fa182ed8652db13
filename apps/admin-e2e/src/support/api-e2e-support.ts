import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { transformFileSync } from '@swc/core';

const API_E2E_SUPPORT = resolve(__dirname, '../../../../apps/api-e2e/src/support');

/**
 * A support module of the HTTP e2e suite (the Entra emulator, the generic OpenID provider),
 * loaded into this process. Those files live outside this project's `rootDir`, so they are
 * compiled here with swc rather than copied; `__dirname` keeps pointing at the source folder,
 * so files they start beside themselves (e.g. `generic-idp.mjs`) are found.
 */
export function loadApiE2eSupport<T>(relativePath: string): T {
  const source = join(API_E2E_SUPPORT, relativePath);
  const { code } = transformFileSync(source, {
    jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
    module: { type: 'commonjs' },
    sourceMaps: false,
  });
  const compiled = join(mkdtempSync(join(tmpdir(), 'rollcall-api-e2e-support-')), 'module.js');
  writeFileSync(compiled, code.replace(/\b__dirname\b/g, JSON.stringify(dirname(source))));
  return require(compiled) as T;
}
