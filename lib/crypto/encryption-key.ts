// Where the console's encryption key comes from: CONSOLE_ENCRYPTION_KEY, else a key file
// outside the database (CONSOLE_KEY_FILE, default .data/encryption.key) generated on the
// first start with a warning, so a fresh clone works and a copied database alone reveals nothing.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { open, parseKey, seal } from "./secret-box";
import { log } from "@/lib/log";
import { SecretUnreadableError } from "./secret-unreadable";
import { settings } from "@/lib/config";

export { SecretUnreadableError };

let cached: Buffer | undefined;

export function keyFilePath(): string {
  return resolve(/*turbopackIgnore: true*/ settings().CONSOLE_KEY_FILE);
}

export function encryptionKey(): Buffer {
  if (cached) return cached;
  const fromEnv = settings().CONSOLE_ENCRYPTION_KEY;
  if (fromEnv) {
    cached = parseKey(fromEnv);
    return cached;
  }
  const file = keyFilePath();
  if (!existsSync(/*turbopackIgnore: true*/ file)) {
    mkdirSync(/*turbopackIgnore: true*/ dirname(file), { recursive: true });
    try {
      writeFileSync(/*turbopackIgnore: true*/ file, randomBytes(32).toString("hex") + "\n", { mode: 0o600, flag: "wx" });
      log.warn("CONSOLE_ENCRYPTION_KEY is not set: generated a key file; keep it with the database, or set the variable", { file });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error; // another process made it first
    }
  }
  cached = parseKey(readFileSync(/*turbopackIgnore: true*/ file, "utf8"));
  return cached;
}

export const encryptSecret = (plaintext: string) => seal(plaintext, encryptionKey());
export function decryptSecret(sealed: string): string {
  try {
    return open(sealed, encryptionKey());
  } catch {
    throw new SecretUnreadableError();
  }
}
