// The one way a console handler reads input it has not validated yet: a JSON body read with the
// size cap, and every string in it (and in the query and path) checked for text no database
// or URL takes (lib/http/text-safety.ts), answered as a field error before zod or a query runs.
import { ApiError } from "./api-error";
import { BodyTooLargeError, maxBodyBytes, readTextCapped } from "./body";
import { findUnsafeText } from "./text-safety";

export function refuseUnsafeText(value: unknown, prefix: string[] = []): void {
  const unsafe = findUnsafeText(value, prefix);
  if (unsafe) throw new ApiError(400, "validation_failed", "Some fields are not valid.", { [unsafe.field]: unsafe.message });
}

export async function readJsonBody(request: Request): Promise<unknown> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readTextCapped(request, maxBodyBytes()));
  } catch (error) {
    if (error instanceof BodyTooLargeError) throw new ApiError(413, "body_too_large", error.message);
    throw new ApiError(400, "invalid_json", "The request body must be JSON.");
  }
  refuseUnsafeText(raw);
  return raw;
}
