// A real OpenID Connect provider (panva's oidc-provider) for the single sign-on tests and
// for trying company sign-in on a laptop: discovery, JWKS, authorization with a login form,
// token endpoint issuing RS256 ID tokens, userinfo. Users are the fixed ones below; any
// password is accepted. Run it alone with `node e2e/oidc/provider.mjs` (see
// docs/single-sign-on.md); it prints `issuer <url>` once it answers.
import { generateKeyPairSync, randomBytes } from "node:crypto";
import { createServer } from "node:http";
import Provider from "oidc-provider";

/** The people the test company has, with the `groups` claim an Okta-like provider sends. */
export const USERS = {
  alice: { email: "alice@company.test", email_verified: true, name: "Alice Admin", groups: ["everyone", "console-admins"] },
  tom: { email: "tom@company.test", email_verified: true, name: "Tom Tester", groups: ["everyone", "console-testers"] },
  sam: { email: "sam@company.test", email_verified: true, name: "Sam Support", groups: "console-support" },
  nora: { email: "nora@company.test", email_verified: true, name: "Nora Nogroup", groups: ["everyone"] },
  una: { email: "una@company.test", email_verified: false, name: "Una Unverified", groups: ["console-admins"] },
};

/**
 * Starts the provider on `port` (0: any free port) of 127.0.0.1 and resolves with its issuer
 * and a stop function. `redirectUris` are the consoles allowed to use the one client.
 */
export async function startOidcProvider({ port = 0, clientId, clientSecret, redirectUris }) {
  const server = createServer();
  await new Promise((resolve) => server.listen(port, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${server.address().port}`;
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });

  const provider = new Provider(issuer, {
    clients: [{ client_id: clientId, client_secret: clientSecret, redirect_uris: redirectUris, grant_types: ["authorization_code"], response_types: ["code"] }],
    jwks: { keys: [{ ...privateKey.export({ format: "jwk" }), kid: "test-key", alg: "RS256", use: "sig" }] },
    cookies: { keys: [randomBytes(32).toString("hex")] },
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"], groups: ["groups"] },
    // Like Entra, Okta and Keycloak set up for it: the requested claims travel in the ID token.
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: true } },
    async findAccount(_ctx, id) {
      const user = USERS[id];
      return user ? { accountId: id, claims: async () => ({ sub: id, ...user }) } : undefined;
    },
    // A first-party client: no consent screen, the console gets the scopes it asks for.
    async loadExistingGrant(ctx) {
      const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
      grant.addOIDCScope([...ctx.oidc.requestParamScopes].join(" "));
      await grant.save();
      return grant;
    },
  });
  server.on("request", provider.callback());
  return { issuer, stop: () => new Promise((resolve) => server.close(() => resolve())) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const port = Number(process.env.OIDC_PROVIDER_PORT || 4400);
  const consoles = (process.env.OIDC_REDIRECT_URIS || "http://localhost:3000/api/auth/callback/oidc").split(",");
  const { issuer } = await startOidcProvider({
    port,
    clientId: process.env.OIDC_CLIENT_ID || "reuseid-console",
    clientSecret: process.env.OIDC_CLIENT_SECRET || "reuseid-console-secret",
    redirectUris: consoles.map((uri) => uri.trim()),
  });
  console.log(`issuer ${issuer}`);
}
