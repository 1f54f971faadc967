import { createHmac } from "node:crypto";
import { encryptionKey } from "@/lib/crypto/encryption-key";
import { settings } from "@/lib/config";

/** next-auth's signing secret: NEXTAUTH_SECRET, else derived from the encryption key so every process agrees. */
export function authSecret(): string {
  return settings().NEXTAUTH_SECRET || createHmac("sha256", encryptionKey()).update("next-auth session secret").digest("hex");
}
