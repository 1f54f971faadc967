/**
 * The emulator's single route table (the contract asks for one, so a decided path can be
 * corrected in one place) and the request pipeline: trace id, bearer authentication,
 * account check, handler, and errors in the shape of the API that was called.
 *
 * Decided: `signicat-accountid` (query parameter or header) must name the token's own account;
 * any other account is 403 forbidden, since an emulator client belongs to exactly one account.
 */
import { emulatorEnabled } from "@/lib/config";
import { BodyTooLargeError, maxBodyBytes } from "@/lib/http/body";
import { Answer, AnswerHeaders, webResponse } from "@/lib/http/answer";
import { readRequestText, type IncomingRequest } from "@/lib/http/node";
import { requestIdFrom } from "@/lib/http/request-context";
import { finishRequest } from "@/lib/http/request-log";
import { log } from "@/lib/log";
import { callerStanding } from "./admin";
import { ensureEmulatorBackground } from "./background";
import { EMULATOR_BASE_PATH, issuerFor, publicOrigin, type RequestContext } from "./context";
import { applyFaultSettings, type FaultSettings } from "./faults";
import { EmulatorError, errorResponse, errorShapeFor, fail, json, newTraceId, OAuthError, oauthErrorResponse, type ErrorContext } from "./http";
import { API_DOCS_ROUTES } from "./openapi/routes";
import { API_ROUTES } from "./routes";
import type { Route } from "./routes/route";
import { decodeSegment, unsafeTextReason } from "./text-check";
import { brakeDelay } from "./throttle";
import { knownAccessToken, verifyAccessToken } from "./tokens";
import { parseJsonText, parseWith } from "./validation";
import { andThen, recover, type Maybe } from "@/lib/maybe";

/** Each API's entries live in routes/ with their schemas and documentation; then the documents themselves. */
export const ROUTES: Route[] = [...API_ROUTES, ...API_DOCS_ROUTES];

function matchPath(pattern: string, pathname: string): Record<string, string> | null {
  const want = pattern.split("/");
  const got = pathname.split("/");
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    if (want[i].startsWith(":")) {
      const value = got[i] ? decodeSegment(got[i]) : null;
      if (value === null) return null; // empty; malformed encoding was refused before routing
      params[want[i].slice(1)] = value;
    } else if (want[i] !== got[i]) return null;
  }
  return params;
}

export function findRoute(method: string, pathname: string): { route: Route; params: Record<string, string> } | null {
  for (const route of ROUTES) {
    if (route.method !== method) continue;
    const params = matchPath(route.path, pathname);
    if (params) return { route, params };
  }
  return null;
}

const isAppSide = (pathname: string) => pathname.startsWith("/encore/encap/");

/** The virtual app may be served from another origin than the emulator it scanned. */
function withAppCors(response: Answer): Answer {
  response.headers.set("Access-Control-Allow-Origin", "*");
  response.headers.set("Access-Control-Allow-Methods", "GET, POST, PATCH, DELETE, OPTIONS");
  response.headers.set("Access-Control-Allow-Headers", "Content-Type, X-Device-Id, X-Device-Timestamp, X-Device-Signature");
  response.headers.set("Access-Control-Expose-Headers", "X-TRACE-ID");
  return response;
}

/** Signicat's .NET SDK spells it `signicat-accountId`: the parameter's name is read without regard to case. */
const isAccountParameter = (name: string) => name.toLowerCase() === ACCOUNT_PARAMETER;
const ACCOUNT_PARAMETER = "signicat-accountid";

function accountParameter(query: URLSearchParams): string | null {
  for (const [name, value] of query) if (isAccountParameter(name)) return value;
  return null;
}

/** The query as an object for the route's schema: the first value of each name, the account parameter aside. */
function queryObject(query: URLSearchParams): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of query) if (!isAccountParameter(name) && !(name in result)) result[name] = value;
  return result;
}

function parseBody(route: Route, text: string): unknown {
  if (!route.body) return undefined;
  if (route.bodyType === "form") return parseWith(route.body, Object.fromEntries(new URLSearchParams(text)));
  return parseWith(route.body, parseJsonText(text));
}

function authenticate(ctx: RequestContext): Maybe<{ accountId: string; faults: FaultSettings }> {
  const header = ctx.request.headers.get("authorization");
  const match = header?.match(/^Bearer\s+(\S+)\s*$/i);
  if (!match) throw fail.invalidToken("The access token is missing.");
  const issuer = issuerFor(ctx.origin);
  return andThen(knownAccessToken(match[1], issuer) ?? verifyAccessToken(match[1], issuer), (claims) =>
    andThen(callerStanding(claims.client_id, claims.account_id), (standing) => {
      if (!standing.active) throw fail.invalidToken("The access token's client was revoked.");
      const asked = accountParameter(ctx.url.searchParams) ?? ctx.request.headers.get("signicat-accountid");
      if (asked && asked !== claims.account_id) throw fail.forbidden(`The client may not act for account ${asked}.`);
      return { accountId: claims.account_id, faults: standing.faults };
    }),
  );
}

/** The emulator's answer as a web reader reads it (tests, Next's route). */
export async function handleEmulatorRequest(request: IncomingRequest): Promise<Response> {
  return webResponse(await answerEmulatorRequest(request));
}

/**
 * The answer as node:http writes it (lib/http/answer.ts). Written over `Maybe` (lib/maybe.ts):
 * where nothing waits (SQLite, a known token, no body) the answer comes back at once, without a
 * promise; anything that does wait (a body, a PostgreSQL read, a fault's latency) continues later.
 */
export function answerEmulatorRequest(request: IncomingRequest): Maybe<Answer> {
  const started = performance.now();
  if (emulatorEnabled()) ensureEmulatorBackground();
  const traceId = newTraceId();
  const url = new URL(request.url);
  const fullPath = url.pathname;
  const pathname = fullPath.startsWith(EMULATOR_BASE_PATH) ? fullPath.slice(EMULATOR_BASE_PATH.length) || "/" : fullPath;
  const method = request.method.toUpperCase();
  const shape = errorShapeFor(pathname);
  const errorContext = { traceId, method, pathname, fullPath, shape };

  let response: Maybe<Answer>;
  if (!emulatorEnabled()) {
    response = errorResponse(fail.notFound("The embedded emulator is switched off on this console (EMULATOR_ENABLED=false)."), errorContext);
  } else if (method === "OPTIONS" && isAppSide(pathname)) {
    response = new Answer(204, new AnswerHeaders({ "X-TRACE-ID": traceId }), null);
  } else {
    response = recover(
      () => dispatch(request, url, method, pathname, traceId),
      (error) => failureAnswer(error, errorContext),
    );
  }
  return andThen(response, (answer) =>
    // A promise only while the tests' response log is on.
    andThen(finishRequest(request, answer, { path: fullPath, started, requestId: requestIdFrom(request.headers), traceId }), () => (isAppSide(pathname) ? withAppCors(answer) : answer)),
  );
}

/** A refusal in the shape of the API that was called; anything unexpected is a logged 500. */
function failureAnswer(error: unknown, errorContext: ErrorContext): Maybe<Answer> {
  const { traceId, method, fullPath } = errorContext;
  if ((error instanceof OAuthError || error instanceof EmulatorError) && error.status === 429) return brakeDelay().then(() => refusal(error, errorContext));
  if (error instanceof OAuthError || error instanceof EmulatorError) return refusal(error, errorContext);
  log.error("emulator request failed", { method, path: fullPath, traceId, error: error instanceof Error ? error.stack : String(error) });
  return errorResponse(new EmulatorError(500, "internal_error", "The emulator failed to answer; see its log for the trace id."), errorContext);
}

function refusal(error: OAuthError | EmulatorError, errorContext: ErrorContext): Answer {
  const { traceId, shape } = errorContext;
  if (error instanceof OAuthError) return oauthErrorResponse(error, traceId);
  if (shape === "oauth") return json({ error: error.status === 400 ? "invalid_request" : "server_error", error_description: error.detail }, traceId, error.status);
  return errorResponse(error, errorContext);
}

/** Malformed percent-encoding, NUL or lone surrogates in the path or a query parameter: 400 before anything is looked up. */
function assertReadableUrl(url: URL, pathname: string): void {
  for (const segment of pathname.split("/")) {
    const decoded = decodeSegment(segment);
    if (decoded === null) throw fail.invalidParams([{ name: "path", reason: "has malformed percent-encoding" }], "The request path is not valid percent-encoded UTF-8.");
    const reason = unsafeTextReason(decoded);
    if (reason) throw fail.invalidParams([{ name: "path", reason }]);
  }
  const problems = [...url.searchParams].flatMap(([name, value]) => {
    const reason = unsafeTextReason(name) ?? unsafeTextReason(value);
    return reason ? [{ name: unsafeTextReason(name) ? "query" : name, reason }] : [];
  });
  if (problems.length > 0) throw fail.invalidParams(problems);
}

function readBody(request: IncomingRequest): Maybe<string> {
  return recover(
    () => readRequestText(request, maxBodyBytes()),
    (error) => {
      throw error instanceof BodyTooLargeError ? new EmulatorError(413, "payload_too_large", error.message) : error;
    },
  );
}

function dispatch(request: IncomingRequest, url: URL, method: string, pathname: string, traceId: string): Maybe<Answer> {
  assertReadableUrl(url, pathname);
  const found = findRoute(method, pathname);
  if (!found) throw fail.notFound(`No such endpoint: ${method} ${url.pathname}.`);
  const ctx: RequestContext = { request, url, params: found.params, body: "", traceId, origin: publicOrigin(request), accountId: "" };
  const withBody = (body: string): Maybe<Answer> => {
    ctx.body = body;
    if (found.route.auth !== "bearer") return answerRoute(found.route, ctx);
    return andThen(authenticate(ctx), ({ accountId, faults }) => {
      ctx.accountId = accountId;
      const fault = pathname.startsWith("/simulator/") ? undefined : applyFaultSettings(faults, pathname);
      return fault ? fault.then(() => answerRoute(found.route, ctx)) : answerRoute(found.route, ctx);
    });
  };
  return andThen(readBody(request), withBody);
}

function answerRoute(route: Route, ctx: RequestContext): Maybe<Answer> {
  const input = { body: parseBody(route, ctx.body), query: route.query ? parseWith(route.query, queryObject(ctx.url.searchParams)) : undefined };
  return andThen(route.handle(ctx, input), (result) => (result instanceof Answer ? result : json(result, ctx.traceId)));
}
