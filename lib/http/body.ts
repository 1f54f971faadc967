// Request bodies read with a size cap: a declared Content-Length over the cap is refused before
// reading, and a body without one stops being read as soon as it passes the cap.
import { settings } from "@/lib/config";
import type { HeaderReader } from "./node";

export const DEFAULT_MAX_BODY_BYTES = 64 * 1024;

export class BodyTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`The request body is larger than ${limit} bytes.`);
  }
}

export function maxBodyBytes(): number {
  return settings().MAX_BODY_BYTES;
}

export function declaresTooLarge(headers: HeaderReader, limit: number): boolean {
  const length = Number(headers.get("content-length"));
  return Number.isFinite(length) && length > limit;
}

export async function readTextCapped(request: Request, limit: number): Promise<string> {
  return (await readBytesCapped(request, limit)).toString("utf8");
}

/** The body's exact bytes (what a signature covers), with the same cap. */
export async function readBytesCapped(request: Request, limit: number): Promise<Buffer> {
  if (declaresTooLarge(request.headers, limit)) throw new BodyTooLargeError(limit);
  if (!request.body) return Buffer.alloc(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      throw new BodyTooLargeError(limit);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}
