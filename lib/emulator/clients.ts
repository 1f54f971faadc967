/**
 * API clients of the emulator and the OAuth 2.0 client-credentials token endpoint
 * (contract section 1). Secrets are stored as scrypt hashes; a secret verified once is
 * remembered in memory under a SHA-256 of (client, secret, stored hash), so the token endpoint
 * does not run scrypt on every call and a changed hash invalidates the memory by itself.
 */
import { createHash } from "node:crypto";
import { z } from "zod";
import { db } from "@/lib/db";
import { verifyPassword } from "@/lib/crypto/password";
import { OAuthError } from "./http";
import { issueAccessToken, TOKEN_SCOPE } from "./tokens";

const verifiedSecrets = new Set<string>();

function cacheKey(clientId: string, secret: string, secretHash: string): string {
  return createHash("sha256").update(`${clientId}\u0000${secret}\u0000${secretHash}`).digest("hex");
}

export async function clientSecretMatches(clientId: string, secret: string, secretHash: string): Promise<boolean> {
  const key = cacheKey(clientId, secret, secretHash);
  if (verifiedSecrets.has(key)) return true;
  const ok = await verifyPassword(secret, secretHash);
  if (ok) verifiedSecrets.add(key);
  return ok;
}

/**
 * The client credentials of a token request, from HTTP Basic or the form (RFC 6749 section 2.3.1).
 * Basic parts should be form-urlencoded, but many clients send them raw: both readings are tried.
 */
function credentials(request: Request, form: TokenForm): { clientId: string; secrets: string[] } {
  const authorization = request.headers.get("authorization");
  const basic = authorization?.match(/^Basic\s+(.+)$/i);
  if (basic) {
    const decoded = Buffer.from(basic[1], "base64").toString("utf8");
    const colon = decoded.indexOf(":");
    if (colon < 0) throw new OAuthError(401, "invalid_client", "Malformed HTTP Basic credentials.");
    if (form.client_secret !== undefined) throw new OAuthError(400, "invalid_request", "Use one client authentication method, not both.");
    const readings = (part: string) => {
      try {
        return [...new Set([part, decodeURIComponent(part.replace(/\+/g, " "))])];
      } catch {
        return [part];
      }
    };
    const [clientId] = readings(decoded.slice(0, colon)).slice(-1);
    return { clientId, secrets: readings(decoded.slice(colon + 1)) };
  }
  const clientId = form.client_id;
  const clientSecret = form.client_secret;
  if (!clientId || !clientSecret) throw new OAuthError(401, "invalid_client", "Client authentication is required.");
  return { clientId, secrets: [clientSecret] };
}

async function anySecretMatches(clientId: string, secrets: string[], secretHash: string): Promise<boolean> {
  for (const secret of secrets) if (await clientSecretMatches(clientId, secret, secretHash)) return true;
  return false;
}

/**
 * The token request's form fields. Every field is optional here: what is missing or wrong is
 * refused below in OAuth's own error shape (RFC 6749 section 5.2), not the product APIs'.
 */
export const tokenForm = z.object({
  grant_type: z.string().optional().describe("client_credentials"),
  scope: z.string().optional().describe("signicat-api"),
  client_id: z.string().optional().describe("With client_secret, when HTTP Basic is not used."),
  client_secret: z.string().optional(),
});

export type TokenForm = z.output<typeof tokenForm>;

export type TokenResponse = { access_token: string; token_type: "Bearer"; expires_in: number; scope: string };

/** `afterClientAuthenticated` runs once the client is known (the router applies the account's faults there). */
export async function exchangeClientCredentials(
  request: Request,
  form: TokenForm,
  issuer: string,
  afterClientAuthenticated?: (accountId: string) => Promise<void>,
): Promise<TokenResponse> {
  const contentType = request.headers.get("content-type") ?? "";
  if (!contentType.toLowerCase().startsWith("application/x-www-form-urlencoded")) {
    throw new OAuthError(400, "invalid_request", "The token request must be application/x-www-form-urlencoded.");
  }
  const grantType = form.grant_type;
  if (!grantType) throw new OAuthError(400, "invalid_request", "grant_type is required.");
  const { clientId, secrets } = credentials(request, form);
  const client = await db.emuClient.findUnique({ where: { id: clientId } });
  const secretOk = await anySecretMatches(clientId, secrets, client?.secretHash ?? "");
  if (!client || client.revokedAt || !secretOk) throw new OAuthError(401, "invalid_client", "Unknown client or wrong secret.");
  await afterClientAuthenticated?.(client.accountId);
  if (grantType !== "client_credentials") throw new OAuthError(400, "unsupported_grant_type", `The grant type ${grantType} is not supported.`);
  const scopes = (form.scope ?? TOKEN_SCOPE).split(" ").filter(Boolean);
  if (scopes.length === 0 || scopes.some((scope) => scope !== TOKEN_SCOPE)) {
    throw new OAuthError(400, "invalid_scope", `Only the scope ${TOKEN_SCOPE} is available.`);
  }
  const lifetime = Math.min(3600, Math.max(1, client.tokenLifetimeSeconds || 600));
  const accessToken = await issueAccessToken({ issuer, clientId, accountId: client.accountId, lifetimeSeconds: lifetime });
  return { access_token: accessToken, token_type: "Bearer", expires_in: lifetime, scope: TOKEN_SCOPE };
}
