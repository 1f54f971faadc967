/**
 * The emulator's single route table (the contract asks for one, so a decided path can be
 * corrected in one place) and the request pipeline: trace id, bearer authentication,
 * account check, handler, and errors in the shape of the API that was called.
 *
 * Decided: `signicat-accountid` (query parameter or header) must name the token's own account;
 * any other account is 403 forbidden, since an emulator client belongs to exactly one account.
 */
import { emulatorEnabled } from "@/lib/config";
import { BodyTooLargeError, maxBodyBytes, readTextCapped } from "@/lib/http/body";
import { requestIdFrom } from "@/lib/http/request-context";
import { finishRequest } from "@/lib/http/request-log";
import { log } from "@/lib/log";
import { clientIsActive } from "./admin";
import { getConfiguration, getDevice, listPersonas, patchDevice, personaImage, postActivation, postAuthentication, postProofing, removeDevice } from "./app-side";
import { getDossier, getProcess, listProcesses, parseDepiction, processImage } from "./assure";
import { authenticationView, findAuthentication, startAuthentication } from "./authentications";
import { ensureEmulatorBackground } from "./background";
import { exchangeClientCredentials } from "./clients";
import { EMULATOR_BASE_PATH, issuerFor, publicOrigin, type RequestContext } from "./context";
import { DOCUMENT_TYPES } from "./document-types";
import { createSubscription, deleteSubscription, getSubscription, listDeliveries, listSubscriptions, subscriptionInput } from "./events";
import { applyFaults, clearFaults, getFaults, setFaults } from "./faults";
import { EmulatorError, errorResponse, errorShapeFor, fail, json, newTraceId, noContent, OAuthError, oauthErrorResponse, raw } from "./http";
import { deviceView, findUser, findUserByExternalRef, findUserDevice, listUserDevices, listUserProofings, userView } from "./mobileid";
import { deleteDevice, parseDevicePatch, updateDevice } from "./mobileid-devices";
import { createUser, deleteUser, updateUser } from "./mobileid-users";
import { findRegistration, registrationView, startRegistration } from "./registrations";
import { findOnboarding, normaliseOnboardingRequest, onboardingData, startOnboarding } from "./reuseid";
import { resetAccount, simulateActivation, simulateAuthentication, simulateProofing } from "./simulator";
import { findStepUp, normaliseStepUpRequest, startStepUp, stepUpData } from "./stepup";
import { brakeDelay } from "./throttle";
import { discoveryDocument, jwks, verifyAccessToken } from "./tokens";
import { listUserTransactions } from "./transactions";
import { decodeSegment, unsafeTextReason } from "./text-check";
import { parseJsonBody, parseJsonText } from "./validation";

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

type Route = {
  method: Method;
  path: string; // relative to /emulator; ":name" segments are parameters
  /** "bearer": an access token of the account is required; "open": no token (OAuth, discovery, the app side, which signs its own requests). */
  auth: "bearer" | "open";
  handle: (ctx: RequestContext) => unknown;
};

const svg = (body: string, ctx: RequestContext) => raw(body, "image/svg+xml", ctx.traceId);
const created = (body: unknown, ctx: RequestContext) => json(body, ctx.traceId, 201);
const done = (ctx: RequestContext) => noContent(ctx.traceId);
const userPath = "/mobileid/core/users/:userId";
const devicePath = `${userPath}/devices/:deviceId`;

export const ROUTES: Route[] = [
  // 1. Authentication
  {
    method: "POST",
    path: "/auth/open/connect/token",
    auth: "open",
    handle: (ctx) => exchangeClientCredentials(ctx.request, ctx.body, issuerFor(ctx.origin), (accountId) => applyFaults(accountId, "/auth/open/connect/token")),
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

  {
    method: "POST",
    path: "/reuseid/id-stepups",
    auth: "bearer",
    handle: async (ctx) => ({ data: await stepUpData(await startStepUp(ctx.accountId, normaliseStepUpRequest(parseJsonText(ctx.body)))) }),
  },
  {
    method: "GET",
    path: "/reuseid/id-stepups/:transactionId",
    auth: "bearer",
    handle: async (ctx) => ({ data: await stepUpData(await findStepUp(ctx.accountId, ctx.params.transactionId)) }),
  },

  // 4. MobileID
  { method: "POST", path: "/mobileid/core/users", auth: "bearer", handle: async (ctx) => created(userView(await createUser(ctx.accountId, ctx.body)), ctx) },
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
  { method: "GET", path: userPath, auth: "bearer", handle: async (ctx) => userView(await findUser(ctx.accountId, ctx.params.userId)) },
  { method: "PATCH", path: userPath, auth: "bearer", handle: async (ctx) => userView(await updateUser(ctx.accountId, ctx.params.userId, ctx.body)) },
  {
    method: "DELETE",
    path: userPath,
    auth: "bearer",
    handle: async (ctx) => {
      await deleteUser(ctx.accountId, ctx.params.userId);
      return done(ctx);
    },
  },
  { method: "POST", path: `${userPath}/registrations`, auth: "bearer", handle: async (ctx) => created(await startRegistration(ctx.accountId, ctx.params.userId, ctx.body), ctx) },
  {
    method: "GET",
    path: `${userPath}/registrations/:registrationId`,
    auth: "bearer",
    handle: async (ctx) => registrationView(await findRegistration(ctx.accountId, ctx.params.userId, ctx.params.registrationId)),
  },
  { method: "GET", path: `${userPath}/transactions`, auth: "bearer", handle: (ctx) => listUserTransactions(ctx.accountId, ctx.params.userId, ctx.url.searchParams) },
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
  {
    method: "PATCH",
    path: devicePath,
    auth: "bearer",
    handle: async (ctx) => {
      const patch = parseDevicePatch(ctx.body);
      const device = await findUserDevice(ctx.accountId, ctx.params.userId, ctx.params.deviceId);
      return deviceView(await updateDevice(device, patch, ctx.url.searchParams.get("generateEvent") === "true"), true);
    },
  },
  {
    method: "DELETE",
    path: devicePath,
    auth: "bearer",
    handle: async (ctx) => {
      await deleteDevice(await findUserDevice(ctx.accountId, ctx.params.userId, ctx.params.deviceId));
      return done(ctx);
    },
  },
  {
    method: "POST",
    path: `${devicePath}/authentications`,
    auth: "bearer",
    handle: async (ctx) => created(await startAuthentication(ctx.accountId, ctx.params.userId, ctx.params.deviceId, ctx.body), ctx),
  },
  {
    method: "GET",
    path: `${devicePath}/authentications/:authenticationId`,
    auth: "bearer",
    handle: async (ctx) => authenticationView(await findAuthentication(ctx.accountId, ctx.params.userId, ctx.params.deviceId, ctx.params.authenticationId)),
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

  // 6. Events (decided paths): the account's webhook subscriptions and its delivery log
  { method: "POST", path: "/events/subscriptions", auth: "bearer", handle: async (ctx) => created(await createSubscription({ accountId: ctx.accountId, ...parseJsonBody(subscriptionInput, ctx.body) }), ctx) },
  { method: "GET", path: "/events/subscriptions", auth: "bearer", handle: (ctx) => listSubscriptions({ accountId: ctx.accountId }) },
  { method: "GET", path: "/events/subscriptions/:subscriptionId", auth: "bearer", handle: (ctx) => getSubscription(ctx.accountId, ctx.params.subscriptionId) },
  {
    method: "DELETE",
    path: "/events/subscriptions/:subscriptionId",
    auth: "bearer",
    handle: async (ctx) => {
      await deleteSubscription({ accountId: ctx.accountId, subscriptionId: ctx.params.subscriptionId });
      return done(ctx);
    },
  },
  { method: "GET", path: "/events/deliveries", auth: "bearer", handle: (ctx) => listDeliveries({ accountId: ctx.accountId, limit: parseLimit(ctx.url.searchParams.get("limit")) }) },

  // 7. The app side (the virtual Authenticator App); signed routes check the device themselves
  { method: "GET", path: "/encore/encap/configuration", auth: "open", handle: getConfiguration },
  { method: "POST", path: "/encore/encap/activations", auth: "open", handle: postActivation },
  { method: "GET", path: "/encore/encap/devices/:deviceId", auth: "open", handle: getDevice },
  { method: "GET", path: "/encore/encap/personas", auth: "open", handle: listPersonas },
  { method: "GET", path: "/encore/encap/personas/:personaId/images/:image", auth: "open", handle: (ctx) => svg(personaImage(ctx), ctx) },
  { method: "PATCH", path: "/encore/encap/devices/:deviceId", auth: "open", handle: patchDevice },
  {
    method: "DELETE",
    path: "/encore/encap/devices/:deviceId",
    auth: "open",
    handle: async (ctx) => {
      await removeDevice(ctx);
      return done(ctx);
    },
  },
  { method: "POST", path: "/encore/encap/proofings/:processId", auth: "open", handle: postProofing },
  { method: "POST", path: "/encore/encap/authentications/:authenticationId", auth: "open", handle: postAuthentication },

  // 8. Simulator control
  { method: "POST", path: "/simulator/activations", auth: "bearer", handle: simulateActivation },
  { method: "POST", path: "/simulator/proofings/:processId", auth: "bearer", handle: simulateProofing },
  { method: "POST", path: "/simulator/authentications/:authenticationId", auth: "bearer", handle: simulateAuthentication },
  { method: "GET", path: "/simulator/faults", auth: "bearer", handle: (ctx) => getFaults(ctx.accountId) },
  { method: "PUT", path: "/simulator/faults", auth: "bearer", handle: (ctx) => setFaults(ctx.accountId, ctx.body) },
  {
    method: "DELETE",
    path: "/simulator/faults",
    auth: "bearer",
    handle: async (ctx) => {
      await clearFaults(ctx.accountId);
      return done(ctx);
    },
  },
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

function parseLimit(value: string | null): number | undefined {
  if (value === null) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > 500) throw fail.invalidParams([{ name: "limit", reason: "must be an integer from 1 to 500" }]);
  return Number(value);
}

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

function findRoute(method: string, pathname: string): { route: Route; params: Record<string, string> } | null {
  for (const route of ROUTES) {
    if (route.method !== method) continue;
    const params = matchPath(route.path, pathname);
    if (params) return { route, params };
  }
  return null;
}


const isAppSide = (pathname: string) => pathname.startsWith("/encore/encap/");

/** The virtual app may be served from another origin than the emulator it scanned. */
function withAppCors(response: Response): Response {
  response.headers.set("Access-Control-Allow-Origin", "*");
  response.headers.set("Access-Control-Allow-Methods", "GET, POST, PATCH, DELETE, OPTIONS");
  response.headers.set("Access-Control-Allow-Headers", "Content-Type, X-Device-Id, X-Device-Timestamp, X-Device-Signature");
  response.headers.set("Access-Control-Expose-Headers", "X-TRACE-ID");
  return response;
}

async function authenticate(ctx: RequestContext): Promise<string> {
  const header = ctx.request.headers.get("authorization");
  const match = header?.match(/^Bearer\s+(\S+)\s*$/i);
  if (!match) throw fail.invalidToken("The access token is missing.");
  const claims = await verifyAccessToken(match[1], issuerFor(ctx.origin));
  if (!(await clientIsActive(claims.client_id, claims.account_id))) throw fail.invalidToken("The access token's client was revoked.");
  const asked = ctx.url.searchParams.get("signicat-accountid") ?? ctx.request.headers.get("signicat-accountid");
  if (asked && asked !== claims.account_id) throw fail.forbidden(`The client may not act for account ${asked}.`);
  return claims.account_id;
}

export async function handleEmulatorRequest(request: Request): Promise<Response> {
  const started = performance.now();
  if (emulatorEnabled()) ensureEmulatorBackground();
  const traceId = newTraceId();
  const url = new URL(request.url);
  const fullPath = url.pathname;
  const pathname = fullPath.startsWith(EMULATOR_BASE_PATH) ? fullPath.slice(EMULATOR_BASE_PATH.length) || "/" : fullPath;
  const method = request.method.toUpperCase();
  const shape = errorShapeFor(pathname);
  const errorContext = { traceId, method, pathname, fullPath, shape };

  let response: Response;
  if (!emulatorEnabled()) {
    response = errorResponse(fail.notFound("The embedded emulator is switched off on this console (EMULATOR_ENABLED=false)."), errorContext);
  } else if (method === "OPTIONS" && isAppSide(pathname)) {
    response = new Response(null, { status: 204, headers: { "X-TRACE-ID": traceId } });
  } else {
    response = await dispatch(request, url, method, pathname, traceId).catch(async (error: unknown) => {
      if ((error instanceof OAuthError || error instanceof EmulatorError) && error.status === 429) await brakeDelay();
      if (error instanceof OAuthError) return oauthErrorResponse(error, traceId);
      if (error instanceof EmulatorError && shape === "oauth") return json({ error: error.status === 400 ? "invalid_request" : "server_error", error_description: error.detail }, traceId, error.status);
      if (error instanceof EmulatorError) return errorResponse(error, errorContext);
      log.error("emulator request failed", { method, path: fullPath, traceId, error: error instanceof Error ? error.stack : String(error) });
      return errorResponse(new EmulatorError(500, "internal_error", "The emulator failed to answer; see its log for the trace id."), errorContext);
    });
  }
  await finishRequest(request, response, { path: fullPath, started, requestId: requestIdFrom(request.headers), traceId });
  return isAppSide(pathname) ? withAppCors(response) : response;
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

async function dispatch(request: Request, url: URL, method: string, pathname: string, traceId: string): Promise<Response> {
  assertReadableUrl(url, pathname);
  const found = findRoute(method, pathname);
  if (!found) throw fail.notFound(`No such endpoint: ${method} ${url.pathname}.`);
  const ctx: RequestContext = {
    request,
    url,
    params: found.params,
    body: await readTextCapped(request, maxBodyBytes()).catch((error: unknown) => {
      throw error instanceof BodyTooLargeError ? new EmulatorError(413, "payload_too_large", error.message) : error;
    }),
    traceId,
    origin: publicOrigin(request),
    accountId: "",
  };
  if (found.route.auth === "bearer") {
    ctx.accountId = await authenticate(ctx);
    if (!pathname.startsWith("/simulator/")) await applyFaults(ctx.accountId, pathname);
  }
  const result = await found.route.handle(ctx);
  return result instanceof Response ? result : json(result, traceId);
}
