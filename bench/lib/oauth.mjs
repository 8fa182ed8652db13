// `--auth oauth`: the bench authenticates like an Entra gallery app. It signs in to the admin
// API as the org's admin, creates an OAuth client, and exchanges its credentials at
// POST /oauth/token (client_secret_basic) for the access token every SCIM request then carries.

async function json(response, what) {
  const body = await response.text();
  if (!response.ok) throw new Error(`${what}: HTTP ${response.status} ${body.slice(0, 200)}`);
  return JSON.parse(body);
}

/** Returns the access token and how long the exchange took (ms). */
export async function oauthAccessToken(baseUrl, org, signal) {
  const login = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: org.adminEmail, password: org.adminPassword }),
    signal,
  });
  const session = await json(login, 'admin sign-in');
  const cookie = (login.headers.getSetCookie?.() ?? [])
    .map((line) => line.split(';')[0])
    .join('; ');
  const created = await json(
    await fetch(`${baseUrl}/api/scim/oauth/clients`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Cookie: cookie,
        'X-CSRF-Token': session.csrfToken,
      },
      body: JSON.stringify({ name: 'bench' }),
      signal,
    }),
    'create an OAuth client',
  );
  const basic = Buffer.from(
    `${encodeURIComponent(created.clientId)}:${encodeURIComponent(created.clientSecret)}`,
  ).toString('base64');
  const started = performance.now();
  const token = await json(
    await fetch(`${baseUrl}/oauth/token`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        Authorization: `Basic ${basic}`,
      },
      body: 'grant_type=client_credentials',
      signal,
    }),
    'token exchange',
  );
  return { accessToken: token.access_token, exchangeMs: performance.now() - started };
}
