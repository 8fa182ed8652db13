import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const workspaceRoot = fileURLToPath(new URL('../..', import.meta.url));
// The API the dev server forwards to (`npm start` or `node dist/apps/api/src/main.js`).
const apiTarget = process.env.ROLLCALL_API_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  resolve: {
    alias: {
      '@rollcall/contracts': `${workspaceRoot}libs/contracts/src/index.ts`,
    },
  },
  build: {
    outDir: `${workspaceRoot}dist/apps/admin`,
    emptyOutDir: true,
    // Hashed file names under /assets: the API serves them as immutable (admin-spa.ts).
    assetsDir: 'assets',
    sourcemap: true,
    // findAdminSpa (apps/api) takes .vite/manifest.json as the sign of a built dashboard.
    manifest: true,
    chunkSizeWarningLimit: 1200,
  },
  server: {
    port: 4200,
    host: '127.0.0.1',
    proxy: {
      '/api': { target: apiTarget, changeOrigin: false },
      '/scim': { target: apiTarget, changeOrigin: false },
      '/health': { target: apiTarget, changeOrigin: false },
      '/oauth': { target: apiTarget, changeOrigin: false },
      '/.well-known': { target: apiTarget, changeOrigin: false },
      '/saml': { target: apiTarget, changeOrigin: false },
    },
  },
  preview: { port: 4300, host: '127.0.0.1' },
});
