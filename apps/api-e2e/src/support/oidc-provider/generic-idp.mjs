// A real OpenID provider (oidc-provider, ESM-only) for the generic OIDC e2e tests, run as a
// child process by generic-idp.ts so Jest never imports it. Configuration is one JSON argv:
// { clientId, clientSecret, redirectUris }. The issuer is http://127.0.0.1:<free port>.
// Sign-in and consent are completed automatically for the account the test chose through
// the control endpoints under /__test (accounts are created there too).
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import Provider from 'oidc-provider';

const config = JSON.parse(process.argv[2] ?? '{}');
/** sub → claims ({ email, email_verified, name, preferred_username }). */
const accounts = new Map();
let loginAs;

const server = createServer();
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const issuer = `http://127.0.0.1:${server.address().port}`;

const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const provider = new Provider(issuer, {
  clients: [
    {
      client_id: config.clientId,
      client_secret: config.clientSecret,
      redirect_uris: config.redirectUris,
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_basic',
    },
  ],
  // Every client must send PKCE (S256 is the only method oidc-provider accepts).
  pkce: { required: () => true },
  jwks: { keys: [{ ...privateKey.export({ format: 'jwk' }), kid: 'generic-idp-1', use: 'sig' }] },
  cookies: { keys: [randomBytes(32).toString('hex')] },
  claims: {
    openid: ['sub'],
    email: ['email', 'email_verified'],
    profile: ['name', 'preferred_username'],
  },
  conformIdTokenClaims: false,
  features: { devInteractions: { enabled: false } },
  interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
  findAccount: (_ctx, sub) => {
    const claims = accounts.get(sub);
    if (!claims) return undefined;
    return { accountId: sub, claims: () => ({ sub, ...claims }) };
  },
});

async function interaction(req, res) {
  const details = await provider.interactionDetails(req, res);
  let result;
  if (details.prompt.name === 'login') {
    if (!loginAs || !accounts.has(loginAs)) {
      result = { error: 'access_denied', error_description: 'no account chosen' };
    } else {
      result = { login: { accountId: loginAs } };
    }
  } else {
    const grant = details.grantId
      ? await provider.Grant.find(details.grantId)
      : new provider.Grant({
          accountId: details.session.accountId,
          clientId: details.params.client_id,
        });
    const missing = details.prompt.details;
    if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
    if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
    result = { consent: { grantId: await grant.save() } };
  }
  await provider.interactionFinished(req, res, result, { mergeWithLastSubmission: false });
}

function readJson(req) {
  return new Promise((resolve, reject) => {
    let data = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => (data += chunk));
    req.on('end', () => resolve(data ? JSON.parse(data) : {}));
    req.on('error', reject);
  });
}

async function control(req, res, path) {
  const body = await readJson(req);
  if (path === '/__test/accounts') {
    accounts.set(body.sub, body.claims ?? {});
  } else if (path === '/__test/login-as') {
    loginAs = body.sub;
  } else {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(204).end();
}

const callback = provider.callback();
server.on('request', (req, res) => {
  const path = new URL(req.url ?? '/', issuer).pathname;
  const handled = path.startsWith('/__test/')
    ? control(req, res, path)
    : path.startsWith('/interaction/')
      ? interaction(req, res)
      : Promise.resolve(callback(req, res));
  handled.catch((error) => {
    if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' });
    res.end(String(error));
  });
});

process.stdout.write(`${JSON.stringify({ issuer })}\n`);
