/**
 * An emulator path whose percent-encoding is malformed (`/emulator/reuseid/id-onboardings/%FF`)
 * never reaches the emulator's route: Next.js fails to decode the catch-all parameter first and
 * answers its own error page. proxy.ts asks here first and answers the contract's 400 instead.
 * Only the small http.ts is imported, so the proxy does not load the emulator.
 */
import { webResponse } from "@/lib/http/answer";
import { EMULATOR_BASE_PATH } from "./context";
import { errorResponse, errorShapeFor, fail, json, newTraceId } from "./http";
import { decodeSegment } from "./text-check";

export function isMalformedEmulatorPath(pathname: string): boolean {
  if (pathname !== EMULATOR_BASE_PATH && !pathname.startsWith(`${EMULATOR_BASE_PATH}/`)) return false;
  return pathname.split("/").some((segment) => decodeSegment(segment) === null);
}

export function malformedEmulatorPathResponse(method: string, fullPath: string): Response {
  const traceId = newTraceId();
  const pathname = fullPath.slice(EMULATOR_BASE_PATH.length) || "/";
  const error = fail.invalidParams([{ name: "path", reason: "has malformed percent-encoding" }], "The request path is not valid percent-encoded UTF-8.");
  const shape = errorShapeFor(pathname);
  return webResponse(shape === "oauth" ? json({ error: "invalid_request", error_description: error.detail }, traceId, 400) : errorResponse(error, { traceId, method, pathname, fullPath, shape }));
}
