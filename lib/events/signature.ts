// The emulator's documented signing (contract §6): HMAC-SHA256 of the exact body bytes under the
// subscription's secret, hex in x-signicat-signature. Signicat's own scheme is not public.
import { createHmac, timingSafeEqual } from "node:crypto";

export const SIGNATURE_HEADER = "x-signicat-signature";

export function signEvent(secret: string, body: Uint8Array | string): string {
  return createHmac("sha256", secret).update(body).digest("hex");
}

/** Constant-time comparison; anything but 64 hex digits is simply wrong. */
export function signatureMatches(secret: string, body: Uint8Array, header: string | null): boolean {
  const given = header?.trim().toLowerCase() ?? "";
  if (!/^[\da-f]{64}$/.test(given)) return false;
  return timingSafeEqual(createHmac("sha256", secret).update(body).digest(), Buffer.from(given, "hex"));
}
