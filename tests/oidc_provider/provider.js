// A certified OpenID provider (panva/oidc-provider) for the sign-in tests: proves the
// desktop client against an issuer nobody on this project wrote.
//
//   node provider.js [port]      (or PORT=...; 0 or nothing: a free port)
//
// Listens on 127.0.0.1 only and prints one JSON line {"issuer": ...} once it accepts
// connections. ACCESS_TOKEN_TTL (seconds) shortens access tokens for refresh tests.
import { generateKeyPairSync } from 'node:crypto';
import { createServer } from 'node:http';

import Provider from 'oidc-provider';

const HOST = '127.0.0.1';
const port = Number(process.argv[2] ?? process.env.PORT ?? 0);
const accessTokenTtl = Number(process.env.ACCESS_TOKEN_TTL ?? 600);

// The one test account: the dev login form accepts its id as the login name.
const ACCOUNTS = {
  'officer-4711': { sub: 'officer-4711', name: 'Test Officer', preferred_username: 'toff' },
};

const server = createServer();
server.listen(port, HOST, () => {
  const issuer = `http://${HOST}:${server.address().port}`;
  const signingKey = generateKeyPairSync('rsa', { modulusLength: 2048 })
    .privateKey.export({ format: 'jwk' });

  const provider = new Provider(issuer, {
    clients: [{
      client_id: 'recourse-desktop',
      // A native app: loopback redirect URIs match on any port (RFC 8252 §7.3).
      application_type: 'native',
      token_endpoint_auth_method: 'none',
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      redirect_uris: [`http://${HOST}/callback`],
    }],
    pkce: { required: () => true },
    features: {
      devInteractions: { enabled: true },
      revocation: { enabled: true },
    },
    // offline_access is only kept with prompt=consent; the desktop client always gets
    // a refresh token, as from the reference server.
    issueRefreshToken: async (ctx, client) => client.grantTypeAllowed('refresh_token'),
    rotateRefreshToken: () => true,
    async findAccount(ctx, id) {
      const account = ACCOUNTS[id];
      if (!account) return undefined;
      return { accountId: id, claims: async () => ({ ...account }) };
    },
    claims: { openid: ['sub'], profile: ['name', 'preferred_username'] },
    ttl: {
      AccessToken: accessTokenTtl,
      AuthorizationCode: 60,
      IdToken: 600,
      RefreshToken: 24 * 3600,
      Grant: 24 * 3600,
      Session: 24 * 3600,
      Interaction: 600,
    },
    jwks: { keys: [{ ...signingKey, kid: 'test-rsa', use: 'sig', alg: 'RS256' }] },
    cookies: { keys: ['recourse-test-only-not-a-secret'] },
  });
  provider.on('server_error', (ctx, err) => console.error('server_error', err));

  server.on('request', provider.callback());
  process.stdout.write(`${JSON.stringify({ issuer })}\n`);
});

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
