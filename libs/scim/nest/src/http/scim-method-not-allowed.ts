import { METHODS } from 'node:http';
import { NotFoundException } from '@nestjs/common';
import type { Request } from 'express';
import { scimErrorBody } from '@rollcall/scim-core';
import type { ScimErrorResponse } from './scim-error.response';

/** The parts of an Express router layer read here (router 2: `route.methods`, `match`). */
interface RouterLayer {
  route?: { methods?: Record<string, boolean | undefined> };
  match?: (path: string) => boolean;
}

/** The order Allow lists methods in, whatever order the controllers declared them. */
const METHOD_ORDER = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'];

function byMethodOrder(a: string, b: string): number {
  const rank = (method: string) => {
    const index = METHOD_ORDER.indexOf(method);
    return index === -1 ? METHOD_ORDER.length : index;
  };
  return rank(a) - rank(b) || a.localeCompare(b);
}

/**
 * Middleware bound to a path (`forRoutes`) is registered through `app.all`, which in Express 5
 * is a route serving every method: it passes every request on, so it is no endpoint.
 */
function servesEverything(methods: Record<string, boolean | undefined>): boolean {
  return methods['_all'] === true || METHODS.every((method) => methods[method.toLowerCase()]);
}

/**
 * The methods the application's endpoints serve at this request's path, asked of the router
 * itself so the answer follows its matching exactly (case, trailing slash, `:id`). HEAD is
 * served wherever GET is (Express answers it with the GET handler).
 */
export function routedMethods(request: Request): string[] {
  const stack = (request.app as { router?: { stack?: RouterLayer[] } } | undefined)?.router?.stack;
  const methods = new Set<string>();
  for (const layer of stack ?? []) {
    const served = layer.route?.methods;
    if (!served || servesEverything(served) || !layer.match?.(request.path)) continue;
    for (const [method, serves] of Object.entries(served)) {
      if (serves) methods.add(method.toUpperCase());
    }
  }
  if (methods.has('GET')) methods.add('HEAD');
  return [...methods].sort(byMethodOrder);
}

/**
 * RFC 9110 §15.5.6: a method a SCIM endpoint does not serve is a 405 with an Allow header
 * (Okta's SCIM tests send POST /ServiceProviderConfig and PUT /Users), not the 404 of a path
 * that serves nothing. Only reached when no route answered, so this costs nothing on the
 * requests that succeed. OPTIONS keeps its 404: this server answers no OPTIONS request, CORS
 * preflights included, and saying which methods exist is the Allow header's job on the 405.
 */
export function methodNotAllowed(error: unknown, request: Request): ScimErrorResponse | undefined {
  if (!(error instanceof NotFoundException) || request.method === 'OPTIONS') return undefined;
  const allowed = routedMethods(request);
  if (allowed.length === 0 || allowed.includes(request.method)) return undefined;
  const detail = `${request.method} is not supported here. Allowed: ${allowed.join(', ')}.`;
  return {
    status: 405,
    body: scimErrorBody(405, detail),
    headers: { Allow: allowed.join(', ') },
    unexpected: false,
  };
}
