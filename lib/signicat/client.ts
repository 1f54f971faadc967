// The one Signicat client: the same code talks to https://api.signicat.com and to the
// embedded emulator. It fetches a client-credentials token, caches it until shortly
// before expiry, renews it and retries once on a 401, times out, maps every error shape
// to SignicatError, keeps X-TRACE-ID, and hands each exchange to a recorder. Callers use its
// named methods, one per endpoint; the raw request is private, so a stray path is a type error.
import { createHash } from "node:crypto";
import { errorFromResponse, SignicatError } from "./errors";
import { bodyForRecord } from "./redact";
import { signicatPaths, simulatorPaths } from "./routes";

export type SignicatCredentials = {
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  accountId?: string | null;
};

export type ApiExchangeRecord = {
  method: string;
  url: string;
  status: number | null;
  durationMs: number;
  traceId: string | null;
  requestBody: string | null;
  responseBody: string | null;
  error: string | null;
};

export type ExchangeRecorder = (exchange: ApiExchangeRecord) => Promise<void> | void;

export type ClientOptions = {
  timeoutMs?: number;
  recorder?: ExchangeRecorder;
  fetch?: typeof fetch;
  now?: () => number;
};

export type ApiResult<T> = { data: T; status: number; traceId: string | null };
export type BinaryResult = { bytes: Uint8Array; contentType: string; traceId: string | null };

export type UserState = "ACTIVE" | "LOCKED";
export type DeviceStateChange = { state: "LOCKED"; lockReason: string } | { state: "ACTIVE" } | { state: "DEACTIVATED" };

type CachedToken = { accessToken: string; expiresAt: number };
type RequestInit_ = { query?: Record<string, string | undefined>; body?: unknown };

/** Renew this long before the token's end, so a request never leaves with a token about to die. */
const RENEW_MARGIN_MS = 30_000;
const tokenCache = new Map<string, CachedToken>();
const tokenInFlight = new Map<string, Promise<CachedToken>>();

export function clearTokenCache() {
  tokenCache.clear();
  tokenInFlight.clear();
}

export class SignicatClient {
  private readonly baseUrl: string;
  private readonly cacheKey: string;
  private readonly timeoutMs: number;
  private readonly fetchImpl: typeof fetch;
  private readonly now: () => number;

  constructor(
    private readonly credentials: SignicatCredentials,
    private readonly options: ClientOptions = {},
  ) {
    this.baseUrl = credentials.baseUrl.replace(/\/+$/, "");
    this.timeoutMs = options.timeoutMs ?? 15_000;
    this.fetchImpl = options.fetch ?? fetch;
    this.now = options.now ?? Date.now;
    const secretHash = createHash("sha256").update(credentials.clientSecret).digest("hex");
    this.cacheKey = [this.baseUrl, credentials.clientId, secretHash, credentials.accountId ?? ""].join("|");
  }

  // ------------------------------------------------------------- the API

  startOnboarding<T = unknown>(body: unknown) {
    return this.call<T>("POST", signicatPaths.startOnboarding(), { body });
  }
  getOnboarding<T = unknown>(transactionId: string) {
    return this.call<T>("GET", signicatPaths.onboarding(transactionId));
  }
  startStepUp<T = unknown>(body: unknown) {
    return this.call<T>("POST", signicatPaths.startStepUp(), { body });
  }
  getStepUp<T = unknown>(transactionId: string) {
    return this.call<T>("GET", signicatPaths.stepUp(transactionId));
  }
  startAuthentication<T = unknown>(userId: string, deviceId: string, body: unknown) {
    return this.call<T>("POST", signicatPaths.authentications(userId, deviceId), { body });
  }
  getAuthentication<T = unknown>(userId: string, deviceId: string, authenticationId: string) {
    return this.call<T>("GET", signicatPaths.authentication(userId, deviceId, authenticationId));
  }
  findUserByExternalRef<T = unknown>(externalRef: string) {
    return this.call<T>("GET", signicatPaths.users(), { query: { externalRef } });
  }
  listDevices<T = unknown>(userId: string) {
    return this.call<T>("GET", signicatPaths.userDevices(userId));
  }
  getUser<T = unknown>(userId: string) {
    return this.call<T>("GET", signicatPaths.user(userId));
  }
  getProcess<T = unknown>(dossierId: string, processId: string) {
    return this.call<T>("GET", signicatPaths.process(dossierId, processId));
  }
  getProcessImage(dossierId: string, processId: string, depiction: string) {
    return this.binary(signicatPaths.processImage(dossierId, processId), { depiction });
  }
  deleteUser(userId: string) {
    return this.call<unknown>("DELETE", signicatPaths.user(userId));
  }
  setUserState(userId: string, state: UserState) {
    return this.call<unknown>("PATCH", signicatPaths.user(userId), { body: { state } });
  }
  listUserProofings<T = unknown>(userId: string) {
    return this.call<T>("GET", signicatPaths.userProofings(userId));
  }
  listUserTransactions<T = unknown>(userId: string, page: { limit: number; cursor?: string }) {
    return this.call<T>("GET", signicatPaths.userTransactions(userId), { query: { limit: String(page.limit), cursor: page.cursor } });
  }
  /** One device; `detailed` adds deviceDetails (a locked device's lockReason). */
  getDevice<T = unknown>(userId: string, deviceId: string, options: { detailed?: boolean } = {}) {
    return this.call<T>("GET", signicatPaths.device(userId, deviceId), options.detailed ? { query: { detailed: "true" } } : {});
  }
  deleteDevice(userId: string, deviceId: string) {
    return this.call<unknown>("DELETE", signicatPaths.device(userId, deviceId));
  }
  renameDevice(userId: string, deviceId: string, deviceName: string) {
    return this.call<unknown>("PATCH", signicatPaths.device(userId, deviceId), { body: { deviceName } });
  }
  /** Locks (with its reason), unlocks or deactivates a device, asking the API to send the event of it. */
  setDeviceState(userId: string, deviceId: string, change: DeviceStateChange) {
    const body = change.state === "LOCKED" ? { state: change.state, lockReason: change.lockReason } : { state: change.state };
    return this.call<unknown>("PATCH", signicatPaths.device(userId, deviceId), { body, query: { generateEvent: "true" } });
  }
  listDocumentTypes<T = unknown>() {
    return this.call<T>("GET", signicatPaths.documentTypes());
  }

  // The emulator's simulator (contract section 8): what a phone would do. Only the embedded emulator has it.
  simulateActivation<T = unknown>(activationCode: string, deviceName?: string) {
    return this.call<T>("POST", simulatorPaths.activations(), { body: { activationCode, deviceName } });
  }
  simulateProofing<T = unknown>(processId: string, result: { outcome: string; persona?: string }) {
    return this.call<T>("POST", simulatorPaths.proofing(processId), { body: result });
  }
  simulateAuthenticationDecision<T = unknown>(authenticationId: string, decision: "approve" | "reject") {
    return this.call<T>("POST", simulatorPaths.authentication(authenticationId), { body: { decision } });
  }
  /** The emulator only: Signicat's accounts subscribe in the dashboard. The answer carries the signing secret once. */
  createEventSubscription<T = unknown>(body: { url: string; events: string[] }) {
    return this.call<T>("POST", signicatPaths.eventSubscriptions(), { body });
  }
  getEventSubscription<T = unknown>(subscriptionId: string) {
    return this.call<T>("GET", signicatPaths.eventSubscription(subscriptionId));
  }
  deleteEventSubscription(subscriptionId: string) {
    return this.call<unknown>("DELETE", signicatPaths.eventSubscription(subscriptionId));
  }

  /** Fetches a fresh token (ignoring the cache): "Test connection". */
  async testConnection(): Promise<{ expiresIn: number; scope: string | null }> {
    const token = await this.fetchToken();
    tokenCache.set(this.cacheKey, token);
    return { expiresIn: Math.round((token.expiresAt - this.now()) / 1000), scope: this.lastScope };
  }

  // ------------------------------------------------------------- plumbing

  private async call<T>(method: string, path: string, init: RequestInit_ = {}): Promise<ApiResult<T>> {
    const response = await this.authorized(method, path, init, "application/json");
    const text = await response.text();
    const traceId = response.headers.get("x-trace-id");
    const parsed = parseJson(text);
    if (!response.ok) throw errorFromResponse(response.status, parsed ?? text, traceId);
    if (parsed === undefined && text) {
      throw new SignicatError({ kind: "invalid_response", status: response.status, code: "invalid_response", title: "The answer was not JSON", detail: text.slice(0, 200), traceId });
    }
    return { data: parsed as T, status: response.status, traceId };
  }

  private async binary(path: string, query: Record<string, string>): Promise<BinaryResult> {
    const response = await this.authorized("GET", path, { query }, "image/*");
    const traceId = response.headers.get("x-trace-id");
    if (!response.ok) {
      const text = await response.text();
      throw errorFromResponse(response.status, parseJson(text) ?? text, traceId);
    }
    return { bytes: new Uint8Array(await response.arrayBuffer()), contentType: response.headers.get("content-type") ?? "application/octet-stream", traceId };
  }

  private async authorized(method: string, path: string, init: RequestInit_, accept: string): Promise<Response> {
    let token = await this.token();
    let response = await this.send(method, path, init, accept, token.accessToken);
    if (response.status === 401) {
      // The token may have been revoked or the clock moved: renew once and retry once.
      await response.body?.cancel();
      tokenCache.delete(this.cacheKey);
      token = await this.token();
      response = await this.send(method, path, init, accept, token.accessToken);
    }
    return response;
  }

  private url(path: string, query?: Record<string, string | undefined>): string {
    const url = new URL(this.baseUrl + path);
    for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined) url.searchParams.set(k, v);
    if (this.credentials.accountId) url.searchParams.set("signicat-accountid", this.credentials.accountId);
    return url.toString();
  }

  private async send(method: string, path: string, init: RequestInit_, accept: string, accessToken: string): Promise<Response> {
    const body = init.body === undefined ? undefined : JSON.stringify(init.body);
    const headers: Record<string, string> = { authorization: `Bearer ${accessToken}`, accept };
    if (body !== undefined) headers["content-type"] = "application/json";
    return this.exchange(method, this.url(path, init.query), headers, body, "application/json");
  }

  private lastScope: string | null = null;

  private async token(): Promise<CachedToken> {
    const cached = tokenCache.get(this.cacheKey);
    if (cached && cached.expiresAt - RENEW_MARGIN_MS > this.now()) return cached;
    let pending = tokenInFlight.get(this.cacheKey);
    if (!pending) {
      pending = this.fetchToken().finally(() => tokenInFlight.delete(this.cacheKey));
      tokenInFlight.set(this.cacheKey, pending);
    }
    const token = await pending;
    tokenCache.set(this.cacheKey, token);
    return token;
  }

  private async fetchToken(): Promise<CachedToken> {
    const form = new URLSearchParams({
      grant_type: "client_credentials",
      scope: "signicat-api",
      client_id: this.credentials.clientId,
      client_secret: this.credentials.clientSecret,
    }).toString();
    const response = await this.exchange(
      "POST",
      this.baseUrl + signicatPaths.token(),
      { "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
      form,
      "application/x-www-form-urlencoded",
    );
    const text = await response.text();
    const traceId = response.headers.get("x-trace-id");
    const parsed = parseJson(text) as { access_token?: unknown; expires_in?: unknown; scope?: unknown } | undefined;
    if (!response.ok) throw errorFromResponse(response.status, parsed ?? text, traceId);
    if (!parsed || typeof parsed.access_token !== "string") {
      throw new SignicatError({ kind: "invalid_response", status: response.status, code: "invalid_response", title: "The token endpoint answered without an access_token", traceId });
    }
    const expiresIn = typeof parsed.expires_in === "number" && parsed.expires_in > 0 ? parsed.expires_in : 600;
    this.lastScope = typeof parsed.scope === "string" ? parsed.scope : null;
    return { accessToken: parsed.access_token, expiresAt: this.now() + expiresIn * 1000 };
  }

  /** One HTTP exchange: timed, timed out, recorded with secrets redacted. */
  private async exchange(method: string, url: string, headers: Record<string, string>, body: string | undefined, bodyType: string): Promise<Response> {
    const started = performance.now();
    const record = (status: number | null, traceId: string | null, responseBody: string | null, error: string | null) =>
      this.options.recorder?.({
        method,
        url: redactUrl(url),
        status,
        durationMs: Math.round(performance.now() - started),
        traceId,
        requestBody: bodyForRecord(body, bodyType),
        responseBody,
        error,
      });
    let response: Response;
    try {
      // Signicat does not redirect; following one would carry the token form to another host.
      response = await this.fetchImpl(url, { method, headers, body, signal: AbortSignal.timeout(this.timeoutMs), cache: "no-store", redirect: "manual" });
    } catch (cause) {
      const timedOut = cause instanceof Error && (cause.name === "TimeoutError" || cause.name === "AbortError");
      const error = timedOut
        ? new SignicatError({ kind: "timeout", code: "timeout", title: "No answer in time", detail: `${method} ${redactUrl(url)} took longer than ${this.timeoutMs / 1000} s` })
        : new SignicatError({ kind: "network", code: "unreachable", title: "The service cannot be reached", detail: `${networkReason(cause)} (${new URL(url).origin})` });
      await record(null, null, null, error.describe());
      throw error;
    }
    const traceId = response.headers.get("x-trace-id");
    const contentType = response.headers.get("content-type") ?? "";
    const isText = /json|text|xml|form/.test(contentType) && !contentType.startsWith("image/");
    const responseBody = isText ? bodyForRecord(await response.clone().text(), contentType) : `(${contentType || "binary"} body, ${response.headers.get("content-length") ?? "?"} bytes)`;
    await record(response.status, traceId, responseBody, null);
    return response;
  }
}

function parseJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function redactUrl(url: string): string {
  return url.replace(/([?&](?:client_secret|access_token)=)[^&]*/gi, "$1[redacted]");
}

function networkReason(cause: unknown): string {
  const inner = (cause as { cause?: { code?: string; message?: string } })?.cause;
  if (inner?.code === "ECONNREFUSED") return "connection refused";
  if (inner?.code === "ENOTFOUND") return "host not found";
  return inner?.message ?? (cause instanceof Error ? cause.message : String(cause));
}
