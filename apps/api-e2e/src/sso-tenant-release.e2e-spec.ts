import { randomBytes, randomUUID } from 'node:crypto';
import type { SsoStatusView } from '@rollcall/contracts';
import { AdminClient } from './support/admin-client';
import { buildApi, runCli } from './support/api-process';
import { EntraEmulator, GLOBAL_ADMINISTRATOR } from './support/oidc-emulator/entra-emulator';
import { entraEnv, runMicrosoftFlow } from './support/oidc-emulator/microsoft-flow';
import { TestApi } from './support/test-api';

jest.setTimeout(120_000);

const CONNECT = '/api/sso/microsoft/connect';

// The operator's way out when an organization holds a tenant that is not theirs: the built
// CLI (`npm run cli -- tenant:release`) against the database the server uses.
describe('npm run cli -- tenant:release', () => {
  let emulator: EntraEmulator;
  let api: TestApi;
  const encryptionKey = randomBytes(32).toString('base64');

  beforeAll(async () => {
    buildApi();
    emulator = await EntraEmulator.start();
    api = await TestApi.start({ ...entraEnv(emulator), ENCRYPTION_KEY: encryptionKey });
  }, 300_000);

  afterAll(async () => {
    await api?.stop();
    await emulator?.stop();
  });

  function cliEnv(): Record<string, string> {
    return { ...api.database.env, ENCRYPTION_KEY: encryptionKey, LOG_LEVEL: 'silent' };
  }

  async function connect(admin: AdminClient, tenantId: string): Promise<string> {
    emulator.account = {
      tenantId,
      oid: randomUUID(),
      preferredUsername: `it.${randomUUID()}@contoso.example`,
      wids: [GLOBAL_ADMINISTRATOR],
    };
    return (await runMicrosoftFlow(api, CONNECT, { cookie: admin.cookie })).location;
  }

  it('releases a squatted tenant so its real admins can connect it', async () => {
    const tenantId = randomUUID();
    const squatterOrg = await api.createOrganization(`Squatter ${randomUUID().slice(0, 8)}`);
    const squatter = await AdminClient.signIn(api, squatterOrg);
    const ownerOrg = await api.createOrganization(`Contoso ${randomUUID().slice(0, 8)}`);
    const owner = await AdminClient.signIn(api, ownerOrg);
    expect(await connect(squatter, tenantId)).toBe('/sso?connected=microsoft');
    expect(await connect(owner, tenantId)).toBe('/sso?error=tenant_taken');

    const released = await runCli(['tenant:release', tenantId, '--json'], cliEnv());
    expect(released.stderr).toBe('');
    expect(released.code).toBe(0);
    expect(JSON.parse(released.stdout.trim())).toEqual({ tenantId, orgId: squatterOrg.orgId });

    expect(
      (await squatter.json<SsoStatusView>(squatter.get('/api/sso'), 200)).microsoft,
    ).toBeNull();
    expect(await connect(owner, tenantId)).toBe('/sso?connected=microsoft');
  });

  it('fails for a tenant no organization holds, and without a tenant id', async () => {
    const unknown = await runCli(['tenant:release', randomUUID(), '--json'], cliEnv());
    expect(unknown.code).toBe(1);
    expect(unknown.stdout).toBe('');
    expect(unknown.stderr.trim()).toBe(
      'No organization has this Microsoft Entra tenant connected.',
    );

    const missing = await runCli(['tenant:release'], cliEnv());
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('tenant:release needs a Microsoft Entra tenant id');
  });
});
