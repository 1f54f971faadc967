// The one way a console route handler is written: refuse cross-site and oversized requests,
// parse and validate the input with zod, check the session and the permission, run, answer
// `{data}` or the one error shape, record every state-changing call in the audit trail with its
// outcome, and log one line per request under its request id (echoed in X-Request-Id).
// publicRoute() is the same without the session and role check, for first run and health.
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

type AuditFields = { target?: string; environmentId?: string; reason?: string; traceId?: string | null; detail?: string };

type Input<B, Q, P> = { request: Request; body: B; query: Q; params: P };

type Ctx<B, Q, P> = Input<B, Q, P> & {
  staff: SessionStaff;
  /** Fills in the audit entry this call leaves (target, environment, reason, trace id). */
  audit: (fields: AuditFields) => void;
};

type Schemas<B, Q, P> = {
  body?: z.ZodType<B>;
  query?: z.ZodType<Q>;
  params?: z.ZodType<P>;
};

type Options<B, Q, P> = Schemas<B, Q, P> & {
  permission: Permission;
  /** The audit action, for handlers that change something, e.g. "environment.create" (lib/audit/actions.ts). */
  action?: AuditAction;
  /** Open to someone who must choose a new password first (an admin reset it): only the route that changes it. */
  allowWhilePasswordChangeRequired?: boolean;
};

type RouteContext = { params: Promise<Record<string, string | string[]>> };
type AuditRecorder = (entry: AuditInput) => Promise<void>;

export function data<T>(value: T, init?: ResponseInit): Response {
  return Response.json({ data: value }, init);
}

const crossSiteRefusal = () => new ApiError(403, "cross_site", "The console refuses changes requested by another site's page.");
const tooLarge = () => new ApiError(413, "body_too_large", `The request body is larger than ${maxBodyBytes()} bytes.`);

/** Path and query checked for unsafe text, then params, query and body validated by their schemas. */
async function parseInput<B, Q, P>(request: Request, context: RouteContext | undefined, schemas: Schemas<B, Q, P>): Promise<Input<B, Q, P>> {
  const rawParams = context ? await context.params : {};
  const rawQuery = Object.fromEntries(new URL(request.url).searchParams);
  refuseUnsafeText(rawParams);
  refuseUnsafeText(rawQuery);
  const params = (schemas.params ? schemas.params.parse(rawParams) : undefined) as P;
  const query = (schemas.query ? schemas.query.parse(rawQuery) : undefined) as Q;
  const body = (schemas.body ? schemas.body.parse(await readJsonBody(request)) : undefined) as B;
  return { request, body, query, params };
}

/** Runs the handler; records its outcome under `action` when there is an actor; answers an error in the one shape. */
async function runAudited(
  action: AuditAction | undefined,
  actorOf: () => AuditInput["actor"] | null,
  recordAudit: AuditRecorder,
  ids: LogContext,
  auditFields: AuditFields,
  run: () => Promise<Response>,
): Promise<Response> {
  try {
    const response = await run();
    const actor = actorOf();
    if (action && actor) await recordAudit({ actor, action, outcome: response.ok ? "ok" : "error", ...auditFields });
    ids.traceId ??= auditFields.traceId ?? undefined;
    return response;
  } catch (error) {
    const actor = actorOf();
    if (action && actor) {
      await recordAudit({
        actor,
        action,
        outcome: "error",
        ...auditFields,
        traceId: error instanceof SignicatError ? error.traceId : auditFields.traceId,
        detail: error instanceof Error ? error.message : String(error),
      }).catch(() => {});
    }
    ids.traceId ??= (error instanceof SignicatError ? error.traceId : auditFields.traceId) ?? undefined;
    return errorResponse(error);
  }
}

/** The shell of every handler: a request id and trace id in the log context, and one log line at the end. */
function logged(handle: (request: Request, context: RouteContext | undefined, ids: LogContext) => Promise<Response>) {
  return async (request: Request, context?: RouteContext): Promise<Response> => {
    const started = performance.now();
    const ids: LogContext & { requestId: string } = { requestId: requestIdFrom(request.headers), traceId: traceIdFrom(request.headers) };
    const path = new URL(request.url).pathname;
    return withLogContext(ids, async () => {
      const response = await handle(request, context, ids);
      return finishRequest(request, response, { path, started, ...ids });
    });
  };
}

export function route<B = undefined, Q = undefined, P = undefined>(options: Options<B, Q, P>, handler: (ctx: Ctx<B, Q, P>) => Promise<Response>) {
  const routeHandler = logged(async (request, context, ids) => {
    const staff = await sessionFromRequest(request);
    const address = clientAddress(request.headers);
    const recordAudit = (entry: AuditInput) => recordAuditEntry({ ...entry, clientAddress: address });
    const crossSite = crossSiteReason(request);
    if (crossSite) {
      const path = new URL(request.url).pathname;
      if (staff) await recordAudit({ actor: staff, action: "security.cross_site_refused", target: `${request.method} ${path}`, outcome: "error", detail: `refused: ${crossSite}` });
      return errorResponse(crossSiteRefusal());
    }
    if (declaresTooLarge(request.headers, maxBodyBytes())) return errorResponse(tooLarge());
    if (!staff) return errorResponse(new ApiError(401, "unauthenticated", "Sign in to use the console."));
    if (staff.mustChangePassword && !options.allowWhilePasswordChangeRequired) {
      return errorResponse(new ApiError(403, "password_change_required", "Choose a new password first: an admin reset yours."));
    }
    if (!options.permission(staff)) {
      if (options.action) await recordAudit({ actor: staff, action: options.action, outcome: "error", detail: "refused: role lacks the permission" });
      return errorResponse(new ApiError(403, "forbidden", `Your role (${staff.role}) may not do this.`));
    }
    const auditFields: AuditFields = {};
    return runAudited(
      options.action,
      () => staff,
      recordAudit,
      ids,
      auditFields,
      async () => {
        const input = await parseInput(request, context, options);
        return handler({ ...input, staff, audit: (f) => Object.assign(auditFields, f) });
      },
    );
  });
  // the schemas and permission travel with the handler: /api/openapi.json is generated from them
  return Object.assign(routeHandler, { spec: { permission: options.permission, action: options.action, body: options.body, query: options.query, params: options.params } satisfies RouteSpec });
}

/** What a route() handler declares, for its OpenAPI description. */
export type RouteSpec = { permission: Permission; action?: AuditAction; body?: z.ZodType; query?: z.ZodType; params?: z.ZodType };

type PublicOptions<B, Q, P> = Schemas<B, Q, P> & {
  /** Recorded once the handler names who acted (`audit({ actor })`), e.g. the first admin it created. */
  action?: AuditAction;
  /** 415 unless the request says its body is JSON (a form post from another page cannot). */
  requireJsonBody?: boolean;
  /** Checked before the body is read: a state in which no body could succeed (e.g. "already set up"). */
  precondition?: () => Promise<void> | void;
};

type PublicCtx<B, Q, P> = Input<B, Q, P> & {
  /** Fills in the audit entry; nothing is recorded until it has an actor. */
  audit: (fields: AuditFields & { actor?: AuditInput["actor"] }) => void;
};

/**
 * route() for the few handlers anyone may call (first run, health): the same cross-site refusal,
 * body cap, validation, error shape, request log line and audit, without a session or a role.
 * Each one is listed with its reason in app/api/route-matrix.test.ts.
 */
export function publicRoute<B = undefined, Q = undefined, P = undefined>(options: PublicOptions<B, Q, P>, handler: (ctx: PublicCtx<B, Q, P>) => Promise<Response>) {
  return logged(async (request, context, ids) => {
    if (crossSiteReason(request)) return errorResponse(crossSiteRefusal());
    if (declaresTooLarge(request.headers, maxBodyBytes())) return errorResponse(tooLarge());
    const address = clientAddress(request.headers);
    const recordAudit = (entry: AuditInput) => recordAuditEntry({ ...entry, clientAddress: address });
    const auditFields: AuditFields = {};
    let actor: AuditInput["actor"] | null = null;
    return runAudited(
      options.action,
      () => actor,
      recordAudit,
      ids,
      auditFields,
      async () => {
        if (options.requireJsonBody && !(request.headers.get("content-type") ?? "").includes("application/json")) {
          throw new ApiError(415, "unsupported_media_type", "Send the body as JSON.");
        }
        await options.precondition?.();
        const input = await parseInput(request, context, options);
        return handler({
          ...input,
          audit: ({ actor: who, ...fields }) => {
            if (who) actor = who;
            Object.assign(auditFields, fields);
          },
        });
      },
    );
  });
}
