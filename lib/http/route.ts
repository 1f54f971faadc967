// The one way a console route handler is written: refuse cross-site and oversized requests,
// parse and validate the input with zod, check the session and the permission, run, answer
// `{data}` or the one error shape, record every state-changing call in the audit trail with its
// outcome, and log one line per request under its request id (echoed in X-Request-Id).
import { z } from "zod";
import type { AuditAction } from "@/lib/audit/actions";
import { recordAudit as recordAuditEntry, type AuditInput } from "@/lib/audit/record";
import { clientAddress } from "@/lib/security/proxy-trust";
import { sessionFromRequest } from "@/lib/auth/session";
import type { Permission } from "@/lib/auth/roles";
import type { SessionStaff } from "@/lib/auth/staff-sessions";
import { withLogContext, type LogContext } from "@/lib/log";
import { crossSiteReason } from "@/lib/security/cross-site";
import { SignicatError } from "@/lib/signicat/errors";
import { ApiError, errorResponse } from "./api-error";
import { declaresTooLarge, maxBodyBytes } from "./body";
import { readJsonBody, refuseUnsafeText } from "./json-input";
import { requestIdFrom, traceIdFrom } from "./request-context";
import { finishRequest } from "./request-log";

type Ctx<B, Q, P> = {
  request: Request;
  staff: SessionStaff;
  body: B;
  query: Q;
  params: P;
  /** Fills in the audit entry this call leaves (target, environment, reason, trace id). */
  audit: (fields: { target?: string; environmentId?: string; reason?: string; traceId?: string | null; detail?: string }) => void;
};

type Options<B, Q, P> = {
  permission: Permission;
  /** The audit action, for handlers that change something, e.g. "environment.create" (lib/audit/actions.ts). */
  action?: AuditAction;
  body?: z.ZodType<B>;
  query?: z.ZodType<Q>;
  params?: z.ZodType<P>;
  /** Open to someone who must choose a new password first (an admin reset it): only the route that changes it. */
  allowWhilePasswordChangeRequired?: boolean;
};

type RouteContext = { params: Promise<Record<string, string | string[]>> };

export function data<T>(value: T, init?: ResponseInit): Response {
  return Response.json({ data: value }, init);
}

export function route<B = undefined, Q = undefined, P = undefined>(
  options: Options<B, Q, P>,
  handler: (ctx: Ctx<B, Q, P>) => Promise<Response>,
) {
  const handle = async (request: Request, context: RouteContext | undefined, ids: LogContext): Promise<Response> => {
    const staff = await sessionFromRequest(request);
    const address = clientAddress(request.headers);
    const recordAudit = (entry: AuditInput) => recordAuditEntry({ ...entry, clientAddress: address });
    const crossSite = crossSiteReason(request);
    if (crossSite) {
      const path = new URL(request.url).pathname;
      if (staff) await recordAudit({ actor: staff, action: "security.cross_site_refused", target: `${request.method} ${path}`, outcome: "error", detail: `refused: ${crossSite}` });
      return errorResponse(new ApiError(403, "cross_site", "The console refuses changes requested by another site's page."));
    }
    if (declaresTooLarge(request.headers, maxBodyBytes())) return errorResponse(new ApiError(413, "body_too_large", `The request body is larger than ${maxBodyBytes()} bytes.`));
    if (!staff) return errorResponse(new ApiError(401, "unauthenticated", "Sign in to use the console."));
    if (staff.mustChangePassword && !options.allowWhilePasswordChangeRequired) {
      return errorResponse(new ApiError(403, "password_change_required", "Choose a new password first: an admin reset yours."));
    }
    if (!options.permission(staff)) {
      if (options.action) await recordAudit({ actor: staff, action: options.action, outcome: "error", detail: "refused: role lacks the permission" });
      return errorResponse(new ApiError(403, "forbidden", `Your role (${staff.role}) may not do this.`));
    }
    const auditFields: Parameters<Ctx<B, Q, P>["audit"]>[0] = {};
    try {
      const rawParams = context ? await context.params : {};
      const rawQuery = Object.fromEntries(new URL(request.url).searchParams);
      refuseUnsafeText(rawParams);
      refuseUnsafeText(rawQuery);
      const params = (options.params ? options.params.parse(rawParams) : undefined) as P;
      const query = (options.query ? options.query.parse(rawQuery) : undefined) as Q;
      const body = (options.body ? options.body.parse(await readJsonBody(request)) : undefined) as B;
      const response = await handler({ request, staff, body, query, params, audit: (f) => Object.assign(auditFields, f) });
      if (options.action) await recordAudit({ actor: staff, action: options.action, outcome: response.ok ? "ok" : "error", ...auditFields });
      ids.traceId ??= auditFields.traceId ?? undefined;
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
      ids.traceId ??= (error instanceof SignicatError ? error.traceId : auditFields.traceId) ?? undefined;
      return errorResponse(error);
    }
  };

  const routeHandler = async (request: Request, context?: RouteContext): Promise<Response> => {
    const started = performance.now();
    const ids: LogContext & { requestId: string } = { requestId: requestIdFrom(request.headers), traceId: traceIdFrom(request.headers) };
    const path = new URL(request.url).pathname;
    return withLogContext(ids, async () => {
      const response = await handle(request, context, ids);
      return finishRequest(request, response, { path, started, ...ids });
    });
  };
  // the schemas and permission travel with the handler: /api/openapi.json is generated from them
  return Object.assign(routeHandler, { spec: { permission: options.permission, action: options.action, body: options.body, query: options.query, params: options.params } satisfies RouteSpec });
}

/** What a route() handler declares, for its OpenAPI description. */
export type RouteSpec = { permission: Permission; action?: AuditAction; body?: z.ZodType; query?: z.ZodType; params?: z.ZodType };
