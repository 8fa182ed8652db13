import { existsSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import express, {
  type NextFunction,
  type Request,
  type RequestHandler,
  type Response,
} from 'express';

/** The Nest app in production; a bare express app in the spec. */
interface MiddlewareHost {
  use(handler: RequestHandler): unknown;
}

/**
 * Paths the server itself owns: never answered with the dashboard, even when nothing matches,
 * and never looked up on disk (a SCIM request must not cost an `fs.stat`). One list, so a new
 * edge (OAuth metadata, SAML) cannot be shadowed by the SPA fallback.
 */
export const API_PATH_PREFIXES = [
  '/api',
  '/scim',
  '/oauth',
  '/.well-known',
  '/saml',
  '/health',
  '/metrics',
] as const;

// dist/apps/api/src/http → dist/apps/admin, where `nx run admin:build` writes the SPA.
const DEFAULT_ADMIN_DIST = resolve(__dirname, '../../../admin');

const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';

const API_PATH_DIRECTORIES = API_PATH_PREFIXES.map((prefix) => `${prefix}/`);

function isApiPath(path: string): boolean {
  for (let i = 0; i < API_PATH_PREFIXES.length; i += 1) {
    if (path.startsWith(API_PATH_DIRECTORIES[i] as string) || path === API_PATH_PREFIXES[i]) {
      return true;
    }
  }
  return false;
}

/**
 * A built dashboard, not its sources: Vite writes `.vite/manifest.json` next to the hashed
 * assets. (Run from TypeScript sources, DEFAULT_ADMIN_DIST is apps/admin with an unbuilt
 * index.html, which must not be served.)
 */
export function findAdminSpa(directory: string = DEFAULT_ADMIN_DIST): string | null {
  return existsSync(join(directory, 'index.html')) &&
    existsSync(join(directory, '.vite', 'manifest.json'))
    ? directory
    : null;
}

/**
 * Serves the admin SPA at `/`: hashed files under /assets are cached for a year (their names
 * change with their content), everything else — index.html above all — is revalidated each
 * time, so a deploy is picked up at once. Any other GET outside the API's own paths gets
 * index.html and the client-side router takes it from there.
 */
export function useAdminSpa(app: MiddlewareHost, directory: string): void {
  const indexFile = join(directory, 'index.html');
  const serveStatic = express.static(directory, {
    index: false,
    dotfiles: 'ignore',
    fallthrough: true,
    setHeaders: (response, filePath) => {
      const hashed = filePath.startsWith(join(directory, 'assets') + '/');
      response.setHeader('Cache-Control', hashed ? IMMUTABLE : REVALIDATE);
    },
  });
  const fallback = (request: Request, response: Response, next: NextFunction) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return next();
    // A missing file (/assets/old-hash.js, /robots.txt) is a 404, not the app's HTML.
    if (extname(request.path) !== '') return next();
    response.setHeader('Cache-Control', REVALIDATE);
    response.sendFile(indexFile, (error) => {
      if (error) next(error);
    });
  };
  // One layer: the server's own paths pass straight through, without a look at the disk.
  app.use((request: Request, response: Response, next: NextFunction) => {
    if (isApiPath(request.path)) return next();
    serveStatic(request, response, (error?: unknown) => {
      if (error) next(error);
      else fallback(request, response, next);
    });
  });
}
