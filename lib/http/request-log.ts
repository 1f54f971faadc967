// The end of every request the console's API or the emulator serves: echo the request id, log
// one line (method, path, status, duration, request id, trace id), and, in tests, the body.
import { logRequest } from "@/lib/log";
import type { Answer } from "./answer";
import { REQUEST_ID_HEADER } from "./request-context";
import { logResponseBody, responseLogOn } from "./response-log";

export function finishRequest<R extends Response | Answer>(
  request: { method: string },
  response: R,
  meta: { path: string; started: number; requestId: string; traceId?: string | null },
): R | Promise<R> {
  try {
    response.headers.set(REQUEST_ID_HEADER, meta.requestId);
  } catch {
    // immutable headers (a passed-through upstream response): proxy.ts echoes the id anyway
  }
  const durationMs = Math.round(performance.now() - meta.started);
  logRequest({ method: request.method, path: meta.path, status: response.status, durationMs, requestId: meta.requestId, traceId: meta.traceId });
  // The tests' response log (off otherwise): only then is there anything to wait for.
  return responseLogOn() ? logResponseBody(request.method, meta.path, response).then(() => response) : response;
}
