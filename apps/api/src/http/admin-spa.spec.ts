import fs, { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import { findAdminSpa, useAdminSpa } from './admin-spa';

describe('admin SPA serving', () => {
  let directory: string;
  let server: Server;
  let base: string;

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'rollcall-admin-spa-'));
    mkdirSync(join(directory, 'assets'));
    mkdirSync(join(directory, '.vite'));
    writeFileSync(join(directory, 'index.html'), '<!doctype html><div id="root"></div>');
    writeFileSync(join(directory, 'assets', 'index-AbC123.js'), 'console.log(1)');
    writeFileSync(join(directory, 'favicon.svg'), '<svg/>');
    writeFileSync(join(directory, '.vite', 'manifest.json'), '{}');
    // A file that shadows an API path must never be served in its place.
    mkdirSync(join(directory, 'oauth'));
    writeFileSync(join(directory, 'oauth', 'jwks'), '{"not":"the api"}');
    const app = express();
    useAdminSpa(app, directory);
    app.use((_request, response) => {
      response.status(404).json({ code: 'NOT_FOUND' });
    });
    await new Promise<void>((resolve) => {
      server = app.listen(0, '127.0.0.1', () => resolve());
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    rmSync(directory, { recursive: true, force: true });
  });

  it('finds only a built dashboard', () => {
    expect(findAdminSpa(directory)).toBe(directory);
    const sources = mkdtempSync(join(tmpdir(), 'rollcall-admin-src-'));
    writeFileSync(join(sources, 'index.html'), '<script type="module" src="/src/main.tsx">');
    expect(findAdminSpa(sources)).toBeNull();
    rmSync(sources, { recursive: true, force: true });
  });

  it('caches hashed assets for a year and revalidates everything else', async () => {
    const asset = await fetch(`${base}/assets/index-AbC123.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const icon = await fetch(`${base}/favicon.svg`);
    expect(icon.headers.get('cache-control')).toBe('no-cache');
    const index = await fetch(`${base}/`);
    expect(index.headers.get('cache-control')).toBe('no-cache');
    expect(await index.text()).toContain('id="root"');
  });

  it('answers client-side routes with index.html', async () => {
    for (const path of ['/teams/6c1f', '/sso/provisioning', '/provisioning-log?status=failed']) {
      const response = await fetch(`${base}${path}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/text\/html/);
      expect(response.headers.get('cache-control')).toBe('no-cache');
    }
  });

  it('leaves the API paths, missing files, dotfiles and writes alone', async () => {
    for (const path of [
      '/api/nope',
      '/api',
      '/scim/v2/Nope',
      '/health/x',
      '/metrics',
      '/oauth/jwks',
      '/oauth/token',
      '/.well-known/oauth-authorization-server',
      '/.well-known/openid-configuration',
      '/saml/acme/metadata',
      '/assets/gone-123.js',
      '/.vite/manifest.json',
    ]) {
      const response = await fetch(`${base}${path}`);
      expect({ path, status: response.status }).toEqual({ path, status: 404 });
    }
    expect((await fetch(`${base}/teams`, { method: 'POST' })).status).toBe(404);
  });

  it("never looks at the disk for the server's own paths", async () => {
    const stat = jest.spyOn(fs, 'stat');
    try {
      for (const path of [
        '/scim/v2/Users/2819c223',
        '/api/auth/me',
        '/oauth/token',
        '/.well-known/x',
      ]) {
        await fetch(`${base}${path}`);
      }
      expect(stat).not.toHaveBeenCalled();
      // The spy sees what serve-static does for any other path.
      await fetch(`${base}/favicon.svg`);
      expect(stat).toHaveBeenCalled();
    } finally {
      stat.mockRestore();
    }
  });
});
