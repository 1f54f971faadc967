/**
 * The emulator's answers: one trace id per request (the X-TRACE-ID header, repeated as the
 * error body's traceId), one error class for every refusal, and the three error shapes of the
 * contract (section 2): the product shape, the Assure shape and, for the token endpoint, OAuth's.
 */
import { randomUUID } from "node:crypto";
import { Answer, AnswerHeaders } from "@/lib/http/answer";

export type InvalidParam = { name: string; reason: string };

export type ErrorShape = "product" | "assure" | "oauth";

const TITLES: Record<string, string> = {
  invalid_token: "Invalid authentication token.",
  invalid_signature: "Invalid device signature.",
  invalid_request_parameter: "Invalid request parameter",
  user_entity_does_not_exist: "User entity does not exist",
  forbidden: "Forbidden",
  device_not_active: "Device not active",
  not_found: "Not found",
  conflict: "Conflict",
  unprocessable_entity: "Unprocessable entity",
  rate_limited: "Too many requests",
  internal_error: "Internal error",
};

const HTTP_TITLES: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  409: "Conflict",
  422: "Unprocessable Entity",
  429: "Too Many Requests",
  500: "Internal Server Error",
};

/** A refusal in the contract's vocabulary; the router renders it in the shape of the path it came from. */
export class EmulatorError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string,
    readonly invalidParams?: InvalidParam[],
    /** Sent as Retry-After (429). */
    readonly retryAfterSeconds?: number,
  ) {
    super(detail);
  }
}

/** An OAuth token endpoint refusal (RFC 6749 section 5.2). */
export class OAuthError extends Error {
  constructor(
    readonly status: 400 | 401 | 429,
    readonly error: "invalid_client" | "unsupported_grant_type" | "invalid_scope" | "invalid_request" | "rate_limited",
    readonly description: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(description);
  }
}

export const fail = {
  invalidToken: (detail = "The access token is missing, expired or malformed.") => new EmulatorError(401, "invalid_token", detail),
  invalidSignature: (detail: string) => new EmulatorError(401, "invalid_signature", detail),
  invalidParams: (invalidParams: InvalidParam[], detail = "One or more request parameters are invalid.") => new EmulatorError(400, "invalid_request_parameter", detail, invalidParams),
  forbidden: (detail: string) => new EmulatorError(403, "forbidden", detail),
  deviceNotActive: (detail: string) => new EmulatorError(403, "device_not_active", detail),
  userNotFound: (userId: string, accountId: string) => new EmulatorError(404, "user_entity_does_not_exist", `No user with ID ${userId} exists for account ${accountId}.`),
  notFound: (detail: string) => new EmulatorError(404, "not_found", detail),
  conflict: (detail: string) => new EmulatorError(409, "conflict", detail),
  unprocessable: (detail: string) => new EmulatorError(422, "unprocessable_entity", detail),
  rateLimited: (detail: string, retryAfterSeconds: number) => new EmulatorError(429, "rate_limited", detail, undefined, retryAfterSeconds),
};

function retryAfterHeaders(seconds: number | undefined, more?: Record<string, string>): Record<string, string> | undefined {
  return seconds === undefined ? more : { ...more, "Retry-After": String(seconds) };
}

/** 32 hex digits. randomUUID draws from a buffered pool; randomBytes(16) was a call into the OS per request. */
export function newTraceId(): string {
  return randomUUID().replaceAll("-", "");
}

function withTrace(headers: Record<string, string> | undefined, traceId: string): AnswerHeaders {
  const result = new AnswerHeaders(headers);
  result.set("X-TRACE-ID", traceId);
  result.set("Cache-Control", "no-store");
  return result;
}

export function json(body: unknown, traceId: string, status = 200, headers?: Record<string, string>): Answer {
  const result = withTrace(headers, traceId);
  result.set("Content-Type", "application/json; charset=utf-8");
  return new Answer(status, result, JSON.stringify(body));
}

export function raw(body: string, contentType: string, traceId: string, status = 200): Answer {
  return new Answer(status, withTrace({ "Content-Type": contentType }, traceId), body);
}

export function binary(body: Uint8Array, contentType: string, traceId: string): Answer {
  return new Answer(200, withTrace({ "Content-Type": contentType }, traceId), body);
}

export function noContent(traceId: string): Answer {
  return new Answer(204, withTrace(undefined, traceId), null);
}

/** The `type` URI Signicat puts in product errors: the OpenAPI file of the API that answered. */
function problemType(pathname: string): string {
  if (pathname.startsWith("/reuseid/")) return "https://api.signicat.com/reuseid/core/openapi.json";
  if (pathname.startsWith("/mobileid/")) return "https://api.signicat.com/mobileid/core/openapi.json";
  return "https://developer.signicat.com/docs/error-codes/";
}

/** Which of the contract's error shapes a path answers in (relative to /emulator). */
export function errorShapeFor(pathname: string): ErrorShape {
  if (pathname === "/assure" || pathname.startsWith("/assure/")) return "assure";
  if (pathname === "/auth/open/connect/token") return "oauth";
  return "product";
}

export type ErrorContext = { traceId: string; method: string; pathname: string; fullPath: string; shape: ErrorShape };

export function errorResponse(error: EmulatorError, ctx: ErrorContext): Answer {
  if (ctx.shape === "assure") {
    return json(
      {
        instance: ctx.fullPath,
        method: ctx.method,
        status: error.status,
        type: "base:client-problem",
        title: HTTP_TITLES[error.status] ?? "Error",
        detail: error.detail,
        traceId: ctx.traceId,
        timestamp: new Date().toISOString(),
      },
      ctx.traceId,
      error.status,
      retryAfterHeaders(error.retryAfterSeconds),
    );
  }
  const body: Record<string, unknown> = {
    type: problemType(ctx.pathname),
    title: TITLES[error.code] ?? HTTP_TITLES[error.status] ?? "Error",
    detail: error.detail,
    code: error.code,
    status: error.status,
    traceId: ctx.traceId,
  };
  if (error.invalidParams) body.invalidParams = error.invalidParams;
  const headers = retryAfterHeaders(error.retryAfterSeconds, error.status === 401 ? { "WWW-Authenticate": `Bearer error="${error.code}"` } : undefined);
  return json(body, ctx.traceId, error.status, headers);
}

export function oauthErrorResponse(error: OAuthError, traceId: string): Answer {
  const headers = retryAfterHeaders(error.retryAfterSeconds, error.status === 401 ? { "WWW-Authenticate": 'Basic realm="signicat-emulator"' } : undefined);
  return json({ error: error.error, error_description: error.description }, traceId, error.status, headers);
}
