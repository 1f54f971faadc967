/**
 * The emulator's single route table (the contract asks for one, so a decided path can be
 * corrected in one place) and the request pipeline: trace id, bearer authentication,
 * account check, handler, and errors in the shape of the API that was called.
 *
 * Decided: `signicat-accountid` (query parameter or header) must name the token's own account;
 * any other account is 403 forbidden, since an emulator client belongs to exactly one account.
 */
import { log } from "@/lib/log";
import { getConfiguration, getDevice, listPersonas, personaImage, postActivation, postProofing } from "./app-side";
import { getDossier, getProcess, listProcesses, parseDepiction, processImage } from "./assure";
import { exchangeClientCredentials } from "./clients";
import { EMULATOR_BASE_PATH, issuerFor, publicOrigin, type RequestContext } from "./context";
import { DOCUMENT_TYPES } from "./document-types";
import { EmulatorError, errorResponse, fail, json, newTraceId, noContent, OAuthError, oauthErrorResponse, raw, type ErrorShape } from "./http";
import { deviceView, findUser, findUserByExternalRef, findUserDevice, listUserDevices, listUserProofings, userView } from "./mobileid";
import { findOnboarding, normaliseOnboardingRequest, onboardingData, startOnboarding } from "./reuseid";
import { resetAccount, simulateActivation, simulateProofing } from "./simulator";
import { discoveryDocument, jwks, verifyAccessToken } from "./tokens";
import { parseJsonText, readBodyText } from "./validation";

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

type Route = {
  method: Method;
  path: string; // relative to /emulator; ":name" segments are parameters
  /** "bearer": an access token of the account is required; "open": no token (OAuth, discovery, the app side, which signs its own requests). */
  auth: "bearer" | "open";
  handle: (ctx: RequestContext) => unknown;
};

const svg = (body: string, ctx: RequestContext) => raw(body, "image/svg+xml", ctx.traceId);

export const ROUTES: Route[] = [
  // 1. Authentication
  {
    method: "POST",
    path: "/auth/open/connect/token",
    auth: "open",
    handle: (ctx) => exchangeClientCredentials(ctx.request, ctx.body, issuerFor(ctx.origin)),
  },
  { method: "GET", path: "/auth/open/.well-known/openid-configuration", auth: "open", handle: (ctx) => discoveryDocument(issuerFor(ctx.origin)) },
  { method: "GET", path: "/auth/open/.well-known/openid-configuration/jwks", auth: "open", handle: () => jwks() },

  // 3. ReuseID ready-made flows
  {
    method: "POST",
    path: "/reuseid/id-onboardings",
    auth: "bearer",
    handle: async (ctx) => ({ data: await onboardingData(await startOnboarding(ctx.accountId, normaliseOnboardingRequest(parseJsonText(ctx.body)))) }),
  },
  {
    method: "GET",
    path: "/reuseid/id-onboardings/:transactionId",
    auth: "bearer",
    handle: async (ctx) => ({ data: await onboardingData(await findOnboarding(ctx.accountId, ctx.params.transactionId)) }),
  },

  // 4. MobileID
  {
    method: "GET",
    path: "/mobileid/core/users",
    auth: "bearer",
    handle: async (ctx) => {
      const externalRef = ctx.url.searchParams.get("externalRef");
      if (!externalRef) throw fail.invalidParams([{ name: "externalRef", reason: "cannot be null or empty" }]);
      return userView(await findUserByExternalRef(ctx.accountId, externalRef));
    },
  },
  { method: "GET", path: "/mobileid/core/users/:userId", auth: "bearer", handle: async (ctx) => userView(await findUser(ctx.accountId, ctx.params.userId)) },
  {
    method: "GET",
    path: "/mobileid/core/users/:userId/devices",
    auth: "bearer",
    handle: async (ctx) => (await listUserDevices(ctx.accountId, ctx.params.userId)).map((d) => deviceView(d)),
  },
  {
    method: "GET",
    path: "/mobileid/core/users/:userId/devices/:deviceId",
    auth: "bearer",
    handle: async (ctx) =>
      deviceView(await findUserDevice(ctx.accountId, ctx.params.userId, ctx.params.deviceId), ctx.url.searchParams.get("detailed") === "true"),
  },
  { method: "GET", path: "/mobileid/core/users/:userId/proofings", auth: "bearer", handle: (ctx) => listUserProofings(ctx.accountId, ctx.params.userId) },

  // 5. Assure
  { method: "GET", path: "/assure/dossiers/:dossierId", auth: "bearer", handle: (ctx) => getDossier(ctx.accountId, ctx.params.dossierId) },
  { method: "GET", path: "/assure/dossiers/:dossierId/processes", auth: "bearer", handle: (ctx) => listProcesses(ctx.accountId, ctx.params.dossierId) },
  {
    method: "GET",
    path: "/assure/dossiers/:dossierId/processes/:processId",
    auth: "bearer",
    handle: (ctx) => getProcess(ctx.accountId, ctx.params.dossierId, ctx.params.processId),
  },
  {
    method: "GET",
    path: "/assure/dossiers/:dossierId/processes/:processId/images",
    auth: "bearer",
    handle: async (ctx) => {
      const depiction = parseDepiction(ctx.url.searchParams.get("depiction"));
      return svg(await processImage(ctx.accountId, ctx.params.dossierId, ctx.params.processId, depiction), ctx);
    },
  },
  { method: "GET", path: "/assure/signicatvideoid/document-types", auth: "bearer", handle: () => DOCUMENT_TYPES },

  // 7. The app side (the virtual Authenticator App); signed routes check the device themselves
  { method: "GET", path: "/encore/encap/configuration", auth: "open", handle: getConfiguration },
  { method: "POST", path: "/encore/encap/activations", auth: "open", handle: postActivation },
  { method: "GET", path: "/encore/encap/devices/:deviceId", auth: "open", handle: getDevice },
  { method: "GET", path: "/encore/encap/personas", auth: "open", handle: listPersonas },
  { method: "GET", path: "/encore/encap/personas/:personaId/images/:image", auth: "open", handle: (ctx) => svg(personaImage(ctx), ctx) },
  { method: "POST", path: "/encore/encap/proofings/:processId", auth: "open", handle: postProofing },

  // 8. Simulator control
  { method: "POST", path: "/simulator/activations", auth: "bearer", handle: simulateActivation },
  { method: "POST", path: "/simulator/proofings/:processId", auth: "bearer", handle: simulateProofing },
  {
    method: "POST",
    path: "/simulator/reset",
    auth: "bearer",
    handle: async (ctx) => {
      await resetAccount(ctx.accountId);
      return noContent(ctx.traceId);
    },
  },
];

function matchPath(pattern: string, pathname: string): Record<string, string> | null {
  const want = pattern.split("/");
  const got = pathname.split("/");
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    if (want[i].startsWith(":")) {
      if (!got[i]) return null;
      try {
        params[want[i].slice(1)] = decodeURIComponent(got[i]);
      } catch {
        return null;
      }
    } else if (want[i] !== got[i]) return null;
  }
  return params;
}

function findRoute(method: string, pathname: string): { route: Route; params: Record<string, string> } | null {
  for (const route of ROUTES) {
    if (route.method !== method) continue;
    const params = matchPath(route.path, pathname);
    if (params) return { route, params };
  }
  return null;
}

function errorShapeFor(pathname: string): ErrorShape {
  if (pathname === "/assure" || pathname.startsWith("/assure/")) return "assure";
  if (pathname === "/auth/open/connect/token") return "oauth";
  return "product";
}

const isAppSide = (pathname: string) => pathname.startsWith("/encore/encap/");

/** The virtual app may be served from another origin than the emulator it scanned. */
function withAppCors(response: Response): Response {
  response.headers.set("Access-Control-Allow-Origin", "*");
  response.headers.set("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
  response.headers.set("Access-Control-Allow-Headers", "Content-Type, X-Device-Id, X-Device-Timestamp, X-Device-Signature");
  response.headers.set("Access-Control-Expose-Headers", "X-TRACE-ID");
  return response;
}

async function authenticate(ctx: RequestContext): Promise<string> {
  const header = ctx.request.headers.get("authorization");
  const match = header?.match(/^Bearer\s+(\S+)\s*$/i);
  if (!match) throw fail.invalidToken("The access token is missing.");
  const claims = await verifyAccessToken(match[1], issuerFor(ctx.origin));
  const asked = ctx.url.searchParams.get("signicat-accountid") ?? ctx.request.headers.get("signicat-accountid");
  if (asked && asked !== claims.account_id) throw fail.forbidden(`The client may not act for account ${asked}.`);
  return claims.account_id;
}

export async function handleEmulatorRequest(request: Request): Promise<Response> {
  const traceId = newTraceId();
  const url = new URL(request.url);
  const fullPath = url.pathname;
  const pathname = fullPath.startsWith(EMULATOR_BASE_PATH) ? fullPath.slice(EMULATOR_BASE_PATH.length) || "/" : fullPath;
  const method = request.method.toUpperCase();
  const shape = errorShapeFor(pathname);
  const errorContext = { traceId, method, pathname, fullPath, shape };

  let response: Response;
  if (method === "OPTIONS" && isAppSide(pathname)) {
    response = new Response(null, { status: 204, headers: { "X-TRACE-ID": traceId } });
  } else {
    response = await dispatch(request, url, method, pathname, traceId).catch((error: unknown) => {
      if (error instanceof OAuthError) return oauthErrorResponse(error, traceId);
      if (error instanceof EmulatorError) return errorResponse(error, errorContext);
      log.error("emulator request failed", { method, path: fullPath, traceId, error: error instanceof Error ? error.stack : String(error) });
      return errorResponse(new EmulatorError(500, "internal_error", "The emulator failed to answer; see its log for the trace id."), errorContext);
    });
  }
  log.debug("emulator request", { method, path: fullPath, status: response.status, traceId });
  return isAppSide(pathname) ? withAppCors(response) : response;
}

async function dispatch(request: Request, url: URL, method: string, pathname: string, traceId: string): Promise<Response> {
  const found = findRoute(method, pathname);
  if (!found) throw fail.notFound(`No such endpoint: ${method} ${url.pathname}.`);
  const ctx: RequestContext = {
    request,
    url,
    params: found.params,
    body: await readBodyText(request),
    traceId,
    origin: publicOrigin(request),
    accountId: "",
  };
  if (found.route.auth === "bearer") ctx.accountId = await authenticate(ctx);
  const result = await found.route.handle(ctx);
  return result instanceof Response ? result : json(result, traceId);
}
