/**
 * API clients of the emulator and the OAuth 2.0 client-credentials token endpoint
 * (contract section 1). Secrets are HMAC-SHA-256 under a server key (client-secrets.ts); failed
 * attempts are braked per caller address and per client id (throttle.ts: 429 with Retry-After,
 * in the OAuth shape). The documented default secret is accepted only from loopback callers.
 */
import { z } from "zod";
import { DOCUMENTED_EMULATOR_SECRET } from "@/lib/config";
import type { IncomingRequest } from "@/lib/http/node";
import { cameFromLoopback } from "@/lib/security/socket-address";
import { callerAddress } from "./caller-address";
import { clientSecretMatches, hashClientSecret, isLegacyHash } from "./client-secrets";
import { OAuthError } from "./http";
import { getEmuClient, replaceClientSecretHash } from "./store/clients";
import { unsafeTextReason } from "./text-check";
import { assertTokenAttemptAllowed, recordTokenFailure, TooManyAttempts } from "./throttle";
import { issueAccessToken, TOKEN_SCOPE } from "./tokens";

/**
 * The client credentials of a token request, from HTTP Basic or the form (RFC 6749 section 2.3.1).
 * Basic parts should be form-urlencoded, but many clients send them raw: both readings are tried.
 */
function credentials(request: IncomingRequest, form: TokenForm): { clientId: string; secrets: string[] } {
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

/** The secret (of the readings tried) that matches, or null. A legacy scrypt hash is re-stored as HMAC on its first match. */
async function matchingSecret(client: { id: string; secretHash: string } | null, secrets: string[]): Promise<string | null> {
  for (const secret of secrets) {
    if (!(await clientSecretMatches(secret, client?.secretHash ?? ""))) continue;
    if (client && isLegacyHash(client.secretHash)) {
      await replaceClientSecretHash(client.id, client.secretHash, await hashClientSecret(secret));
    }
    return secret;
  }
  return null;
}

async function assertAllowed(attempt: { address: string; clientId: string }): Promise<void> {
  try {
    await assertTokenAttemptAllowed(attempt);
  } catch (error) {
    if (error instanceof TooManyAttempts) throw new OAuthError(429, "rate_limited", error.message, error.retryAfterSeconds);
    throw error;
  }
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
export async function exchangeClientCredentials(request: IncomingRequest, form: TokenForm, issuer: string, afterClientAuthenticated?: (accountId: string) => Promise<void>): Promise<TokenResponse> {
  const contentType = request.headers.get("content-type") ?? "";
  if (!contentType.toLowerCase().startsWith("application/x-www-form-urlencoded")) {
    throw new OAuthError(400, "invalid_request", "The token request must be application/x-www-form-urlencoded.");
  }
  const grantType = form.grant_type;
  if (!grantType) throw new OAuthError(400, "invalid_request", "grant_type is required.");
  for (const [name, value] of Object.entries(form)) {
    const reason = value === undefined ? null : unsafeTextReason(value);
    if (reason) throw new OAuthError(400, "invalid_request", `The form field ${JSON.stringify(name)} ${reason}.`);
  }
  const { clientId, secrets } = credentials(request, form);
  if (unsafeTextReason(clientId)) throw new OAuthError(400, "invalid_request", `The client id ${unsafeTextReason(clientId)}.`);
  const attempt = { address: callerAddress(request), clientId };
  await assertAllowed(attempt);
  const client = await getEmuClient(clientId);
  const secret = await matchingSecret(client, secrets);
  if (!client || client.revokedAt || secret === null) {
    await recordTokenFailure(attempt);
    throw new OAuthError(401, "invalid_client", "Unknown client or wrong secret.");
  }
  if (secret === DOCUMENTED_EMULATOR_SECRET && !cameFromLoopback(request.headers)) {
    throw new OAuthError(401, "invalid_client", "The documented default secret is accepted only from this machine (loopback). Set EMULATOR_CLIENT_SECRET to use the emulator from elsewhere.");
  }
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
