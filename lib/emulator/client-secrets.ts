/**
 * How API client secrets are stored: `hmac-sha256$<salt>$<mac>`, an HMAC-SHA-256 of salt and
 * secret under a server key, as API-key systems store long random keys. Checking one costs
 * microseconds, so a flood of wrong secrets cannot slow the console (scrypt made each cost
 * ~50 ms of CPU), and a copied database alone cannot test guesses: the key is stored sealed
 * (EmuHashKey, re-sealed by rotate-key like every …Enc column).
 *
 * Rows from before keep their `scrypt$…` hash: it is still checked, and a client whose secret
 * matches one is re-stored as HMAC at that moment (the plain secret is only known then).
 */
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { decryptSecret, encryptSecret } from "@/lib/crypto/encryption-key";
import { verifyPassword } from "@/lib/crypto/password";
import { isUniqueViolation } from "./ids";
import { createHashKey, getHashKey, getHashKeyOrThrow } from "./store/hash-keys";

const KEY_ID = "client-secrets";
const PREFIX = "hmac-sha256";

let cachedKey: Promise<Buffer> | undefined;

async function loadOrCreateKey(): Promise<Buffer> {
  const row = await getHashKey(KEY_ID);
  if (row) return Buffer.from(decryptSecret(row.keyEnc), "hex");
  try {
    await createHashKey(KEY_ID, encryptSecret(randomBytes(32).toString("hex")));
  } catch (error) {
    if (!isUniqueViolation(error)) throw error; // another process made it first: use theirs
  }
  const made = await getHashKeyOrThrow(KEY_ID);
  return Buffer.from(decryptSecret(made.keyEnc), "hex");
}

function hashKey(): Promise<Buffer> {
  cachedKey ??= loadOrCreateKey().catch((error: unknown) => {
    cachedKey = undefined;
    throw error;
  });
  return cachedKey;
}

const mac = (key: Buffer, salt: Buffer, secret: string) => createHmac("sha256", key).update(salt).update(secret, "utf8").digest();

export async function hashClientSecret(secret: string): Promise<string> {
  const salt = randomBytes(16);
  return [PREFIX, salt.toString("base64url"), mac(await hashKey(), salt, secret).toString("base64url")].join("$");
}

export const isLegacyHash = (stored: string) => stored.startsWith("scrypt$");

/** Whether `secret` is the one `stored` was made from (HMAC, or a legacy scrypt hash). */
export async function clientSecretMatches(secret: string, stored: string): Promise<boolean> {
  if (isLegacyHash(stored)) return verifyPassword(secret, stored);
  const [prefix, salt, expected] = stored.split("$");
  const key = await hashKey();
  const actual = mac(key, Buffer.from(salt ?? "", "base64url"), secret);
  const wanted = Buffer.from(expected ?? "", "base64url");
  // An unknown client or a malformed row still pays for one HMAC, so it is not told apart by timing.
  return prefix === PREFIX && wanted.length === actual.length && timingSafeEqual(actual, wanted);
}
