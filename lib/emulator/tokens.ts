/**
 * The emulator's access tokens: ES256 JWTs signed with a P-256 key kept in EmuSigningKey
 * (private JWK sealed with the console's encryption key), published as a JWKS beside an
 * OpenID discovery document. The issuer is `<request origin>/emulator/auth/open`, so a token is
 * accepted where it was issued.
 */
import { randomUUID } from "node:crypto";
import { compactVerify, decodeJwt, decodeProtectedHeader, exportJWK, generateKeyPair, importJWK, SignJWT, type JWK, type KeyLike } from "jose";
import { decryptSecret, encryptSecret } from "@/lib/crypto/encryption-key";
import { fail } from "./http";
import { createSigningKey, deleteSigningKey, getOldestSigningKey, getSigningKey, listSigningKeys } from "./store/signing-keys";

export const TOKEN_SCOPE = "signicat-api";
export const AUDIENCE = "signicat-api";
const ALGORITHM = "ES256";

type SigningKey = { kid: string; privateKey: KeyLike };

let signingKey: Promise<SigningKey> | undefined;
const publicKeys = new Map<string, KeyLike>();

/** The oldest signing key; made on first need. Two processes racing both insert, then both keep the oldest and the loser removes its own. */
async function loadSigningKey(): Promise<SigningKey> {
  let row = await getOldestSigningKey();
  if (!row) {
    const { publicKey, privateKey } = await generateKeyPair(ALGORITHM, { extractable: true });
    const kid = randomUUID();
    const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: ALGORITHM, use: "sig" };
    await createSigningKey({ kid, publicJwk, privateJwkEnc: encryptSecret(JSON.stringify(await exportJWK(privateKey))) });
    row = await getOldestSigningKey();
    if (row && row.kid !== kid) await deleteSigningKey(kid);
  }
  if (!row) throw new Error("no emulator signing key");
  return { kid: row.kid, privateKey: (await importJWK(JSON.parse(decryptSecret(row.privateJwkEnc)) as JWK, ALGORITHM)) as KeyLike };
}

function currentSigningKey(): Promise<SigningKey> {
  signingKey ??= loadSigningKey().catch((error) => {
    signingKey = undefined;
    throw error;
  });
  return signingKey;
}

export type AccessTokenClaims = {
  iss: string;
  sub: string;
  aud: string;
  client_id: string;
  account_id: string;
  scope: string;
  iat: number;
  nbf: number;
  exp: number;
  jti: string;
};

export async function issueAccessToken(input: { issuer: string; clientId: string; accountId: string; lifetimeSeconds: number }): Promise<string> {
  const key = await currentSigningKey();
  const now = Math.floor(Date.now() / 1000);
  const claims: AccessTokenClaims = {
    iss: input.issuer,
    sub: input.clientId,
    aud: AUDIENCE,
    client_id: input.clientId,
    account_id: input.accountId,
    scope: TOKEN_SCOPE,
    iat: now,
    nbf: now,
    exp: now + input.lifetimeSeconds,
    jti: randomUUID(),
  };
  return new SignJWT({ ...claims }).setProtectedHeader({ alg: ALGORITHM, typ: "at+jwt", kid: key.kid }).sign(key.privateKey);
}

async function publicKeyFor(kid: string): Promise<KeyLike | undefined> {
  const cached = publicKeys.get(kid);
  if (cached) return cached;
  const row = await getSigningKey(kid);
  if (!row) return undefined;
  const key = (await importJWK(row.publicJwk as JWK, ALGORITHM)) as KeyLike;
  publicKeys.set(kid, key);
  return key;
}

/**
 * Tokens whose signature and claims were checked, kept until they expire: a client sends the same
 * token with every call for its lifetime, and an ECDSA verify was a real share of each request.
 * Only what cannot change is cached (signature, issuer, audience); expiry is checked on every use,
 * and revocation is the caller's check against the database (callerStanding in admin.ts).
 */
const verified = new Map<string, { issuer: string; claims: AccessTokenClaims }>();
const MAX_VERIFIED = 10_000;

function rememberVerified(token: string, issuer: string, claims: AccessTokenClaims): void {
  if (verified.size >= MAX_VERIFIED) {
    const now = Math.floor(Date.now() / 1000);
    for (const [key, entry] of verified) if (entry.claims.exp <= now) verified.delete(key);
    // Still full of live tokens: forget the oldest (Map keeps insertion order).
    if (verified.size >= MAX_VERIFIED) verified.delete(verified.keys().next().value as string);
  }
  verified.set(token, { issuer, claims });
}

/** A token verified before for this issuer, checked for expiry (401 once expired), without a promise; null when not known. */
export function knownAccessToken(token: string, issuer: string): AccessTokenClaims | null {
  const known = verified.get(token);
  if (!known || known.issuer !== issuer) return null;
  if (known.claims.exp > Math.floor(Date.now() / 1000)) return known.claims;
  verified.delete(token);
  throw fail.invalidToken("The access token has expired.");
}

/** Checks signature, algorithm, issuer, audience and lifetime; throws 401 invalid_token otherwise. */
export async function verifyAccessToken(token: string, issuer: string): Promise<AccessTokenClaims> {
  const known = knownAccessToken(token, issuer);
  if (known) return known;
  const claims = await verifyAccessTokenFully(token, issuer);
  rememberVerified(token, issuer, claims);
  return claims;
}

async function verifyAccessTokenFully(token: string, issuer: string): Promise<AccessTokenClaims> {
  if (token.split(".").length !== 3) throw fail.invalidToken("The access token is malformed.");
  let header: ReturnType<typeof decodeProtectedHeader>;
  let claims: Record<string, unknown>;
  try {
    header = decodeProtectedHeader(token);
    claims = decodeJwt(token);
  } catch {
    throw fail.invalidToken("The access token is malformed.");
  }
  if (header.alg !== ALGORITHM || typeof header.kid !== "string") throw fail.invalidToken("The access token is not signed with a known key.");
  const key = await publicKeyFor(header.kid);
  const ok =
    key &&
    (await compactVerify(token, key, { algorithms: [ALGORITHM] }).then(
      () => true,
      () => false,
    ));
  if (!ok) throw fail.invalidToken("The access token signature is invalid.");
  // The claims are checked here rather than by jwtVerify: each refusal keeps its own message, in this order.
  const now = Math.floor(Date.now() / 1000);
  if (typeof claims.exp !== "number" || claims.exp <= now) throw fail.invalidToken("The access token has expired.");
  if (typeof claims.nbf === "number" && claims.nbf > now + 60) throw fail.invalidToken("The access token is not valid yet.");
  if (claims.iss !== issuer) throw fail.invalidToken("The access token was issued by another issuer.");
  if (claims.aud !== AUDIENCE || typeof claims.account_id !== "string") throw fail.invalidToken("The access token is not meant for this API.");
  return claims as AccessTokenClaims;
}

export async function jwks(): Promise<{ keys: JWK[] }> {
  await currentSigningKey();
  const rows = await listSigningKeys();
  return { keys: rows.map((row) => row.publicJwk as JWK) };
}

export function discoveryDocument(issuer: string) {
  return {
    issuer,
    token_endpoint: `${issuer}/connect/token`,
    jwks_uri: `${issuer}/.well-known/openid-configuration/jwks`,
    grant_types_supported: ["client_credentials"],
    token_endpoint_auth_methods_supported: ["client_secret_basic", "client_secret_post"],
    scopes_supported: [TOKEN_SCOPE],
    id_token_signing_alg_values_supported: ["ES256"],
    response_types_supported: ["token"],
    claims_supported: ["sub", "client_id", "account_id", "scope"],
  };
}
