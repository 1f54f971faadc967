// AES-256-GCM for secrets stored in the database (client secrets, emulator keys).
// Stored form: "v1:<iv b64url>:<ciphertext b64url>:<tag b64url>". The key comes from
// CONSOLE_ENCRYPTION_KEY, or from a key file generated on first start (lib/crypto/key-file.ts).
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

const VERSION = "v1";

export class SecretBoxError extends Error {}

export function parseKey(text: string): Buffer {
  const trimmed = text.trim();
  const key = /^[0-9a-f]{64}$/i.test(trimmed) ? Buffer.from(trimmed, "hex") : Buffer.from(trimmed, "base64");
  if (key.length !== 32) throw new SecretBoxError("an encryption key must be 32 bytes, as 64 hex digits or base64");
  return key;
}

export function seal(plaintext: string, key: Buffer): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return [VERSION, iv.toString("base64url"), body.toString("base64url"), cipher.getAuthTag().toString("base64url")].join(":");
}

export function open(sealed: string, key: Buffer): string {
  const [version, iv, body, tag] = sealed.split(":");
  if (version !== VERSION || !iv || body === undefined || !tag) throw new SecretBoxError("not a sealed secret");
  try {
    const authTag = Buffer.from(tag, "base64url");
    if (authTag.length !== 16) throw new SecretBoxError("not a sealed secret");
    const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"), { authTagLength: 16 });
    decipher.setAuthTag(authTag);
    return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    throw new SecretBoxError("the secret cannot be decrypted with this key (wrong CONSOLE_ENCRYPTION_KEY?)");
  }
}
