// The ids a request is logged under: X-Request-Id (the caller's, when it looks like an id, or a
// new one; proxy.ts sets it on every request and echoes it) and the W3C trace id of `traceparent`.
import type { HeaderReader } from "./node";

export const REQUEST_ID_HEADER = "x-request-id";
const SAFE_ID = /^[\w.:-]{1,128}$/;

export function requestIdFrom(headers: HeaderReader): string {
  const given = headers.get(REQUEST_ID_HEADER);
  return given && SAFE_ID.test(given) ? given : crypto.randomUUID();
}

export function traceIdFrom(headers: Headers): string | undefined {
  return headers.get("traceparent")?.match(/^[\da-f]{2}-([\da-f]{32})-[\da-f]{16}-[\da-f]{2}$/)?.[1];
}
