// The one way a console route handler is written: parse and validate the input with zod,
// check the session and the permission, run, answer `{data}` or the one error shape, and
// record every state-changing call in the audit trail with its outcome.
import { z } from "zod";
import { recordAudit } from "@/lib/audit";
import { sessionFromRequest } from "@/lib/auth/session";
import type { Permission, StaffSession } from "@/lib/auth/roles";
import { SignicatError } from "@/lib/signicat/errors";
import { ApiError, errorResponse } from "./api-error";

type Ctx<B, Q, P> = {
  request: Request;
  staff: StaffSession;
  body: B;
  query: Q;
  params: P;
  /** Fills in the audit entry this call leaves (target, environment, reason, trace id). */
  audit: (fields: { target?: string; environmentId?: string; reason?: string; traceId?: string | null; detail?: string }) => void;
};

type Options<B, Q, P> = {
  permission: Permission;
  /** The audit action, for handlers that change something, e.g. "environment.create". */
  action?: string;
  body?: z.ZodType<B>;
  query?: z.ZodType<Q>;
  params?: z.ZodType<P>;
};

type RouteContext = { params: Promise<Record<string, string | string[]>> };

export function data<T>(value: T, init?: ResponseInit): Response {
  return Response.json({ data: value }, init);
}

export function route<B = undefined, Q = undefined, P = undefined>(
  options: Options<B, Q, P>,
  handler: (ctx: Ctx<B, Q, P>) => Promise<Response>,
) {
  return async (request: Request, context?: RouteContext): Promise<Response> => {
    const staff = await sessionFromRequest(request);
    if (!staff) return errorResponse(new ApiError(401, "unauthenticated", "Sign in to use the console."));
    if (!options.permission(staff)) {
      if (options.action) await recordAudit({ actor: staff, action: options.action, outcome: "error", detail: "refused: role lacks the permission" });
      return errorResponse(new ApiError(403, "forbidden", `Your role (${staff.role}) may not do this.`));
    }
    const auditFields: Parameters<Ctx<B, Q, P>["audit"]>[0] = {};
    try {
      const params = (options.params ? options.params.parse(context ? await context.params : {}) : undefined) as P;
      const query = (options.query ? options.query.parse(Object.fromEntries(new URL(request.url).searchParams)) : undefined) as Q;
      let body = undefined as B;
      if (options.body) {
        let raw: unknown;
        try {
          raw = await request.json();
        } catch {
          throw new ApiError(400, "invalid_json", "The request body must be JSON.");
        }
        body = options.body.parse(raw);
      }
      const response = await handler({ request, staff, body, query, params, audit: (f) => Object.assign(auditFields, f) });
      if (options.action) await recordAudit({ actor: staff, action: options.action, outcome: response.ok ? "ok" : "error", ...auditFields });
      return response;
    } catch (error) {
      if (options.action) {
        await recordAudit({
          actor: staff,
          action: options.action,
          outcome: "error",
          ...auditFields,
          traceId: error instanceof SignicatError ? error.traceId : auditFields.traceId,
          detail: error instanceof Error ? error.message : String(error),
        }).catch(() => {});
      }
      return errorResponse(error);
    }
  };
}
