import { AdminClient } from './admin-client';
import type { ApiProcess } from './api-process';
import type { TestApi } from './test-api';

/**
 * The admin of the demo organization a built server creates on its first start (the banner
 * prints the e-mail and password), signed in to `server`.
 */
export async function signInDemoAdmin(server: ApiProcess): Promise<AdminClient> {
  await server.waitForOutput(/Admin password\s+\S+/);
  const output = server.stdoutAndStderr;
  const email = /Admin e-mail\s+(\S+)/.exec(output)?.[1];
  const password = /Admin password\s+(\S+)/.exec(output)?.[1];
  if (!email || !password) throw new Error(`no admin credentials printed:\n${output}`);
  // AdminClient reads only the base URL of the server it talks to.
  const api = { baseUrl: server.baseUrl } as TestApi;
  return AdminClient.signIn(api, {
    orgId: '',
    scimToken: '',
    adminEmail: email,
    adminPassword: password,
  });
}
