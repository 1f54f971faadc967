// The console's own API answers errors in one shape:
//   { error: { code, message, fields?: {field: message}, upstream?: {...} } }
import { z } from "zod";
import { SecretUnreadableError } from "@/lib/crypto/secret-unreadable";
import { SignicatError } from "@/lib/signicat/errors";
import { fieldErrors } from "./field-errors";

export { fieldErrors };

export type ApiErrorBody = {
  error: {
    code: string;
    message: string;
    fields?: Record<string, string>;
    upstream?: { status: number | null; code: string; title: string; detail: string; traceId: string | null; invalidParams: { name: string; reason: string }[] };
    flowId?: string;
  };
};

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
  }
}

export const notFound = (what: string) => new ApiError(404, "not_found", `${what} was not found.`);

export function errorResponse(error: unknown, extra?: { flowId?: string }): Response {
  if (error instanceof ApiError) {
    return Response.json({ error: { code: error.code, message: error.message, fields: error.fields, ...extra } } satisfies ApiErrorBody, { status: error.status });
  }
  if (error instanceof z.ZodError) {
    return Response.json({ error: { code: "validation_failed", message: "Some fields are not valid.", fields: fieldErrors(error), ...extra } } satisfies ApiErrorBody, { status: 400 });
  }
  if (error instanceof SignicatError) {
    const status = error.kind === "timeout" ? 504 : 502;
    const body: ApiErrorBody = {
      error: {
        code: `upstream_${error.kind}`,
        message: error.describe(),
        upstream: { status: error.status, code: error.code, title: error.title, detail: error.detail, traceId: error.traceId, invalidParams: error.invalidParams },
        ...extra,
      },
    };
    return Response.json(body, { status });
  }
  if (error instanceof SecretUnreadableError) {
    console.error(error.message);
    return Response.json({ error: { code: "secret_unreadable", message: error.message, ...extra } } satisfies ApiErrorBody, { status: 503 });
  }
  console.error(error);
  return Response.json({ error: { code: "internal_error", message: "Something went wrong in the console; the server log has the details.", ...extra } } satisfies ApiErrorBody, { status: 500 });
}
