/**
 * Test fixtures for talking to the emulator over real HTTP: a running server, an account with
 * an API client, a token, and a small fetch wrapper that returns status, headers and parsed body.
 * Every answer the wrapper gets is checked against the operation's documented response schema.
 */
import { ensureEmulatorAccount, ensureEmulatorClient, ensureEmulatorDefaults } from "@/lib/emulator/bootstrap";
import { assertDocumentedAnswer } from "@/lib/emulator/contract/check-answer";
import { startEmulatorServer, type EmulatorServer } from "./emulator-server";

/** What a test reads off a parsed JSON answer when it names no type: it asserts on the fields, so a wrong shape fails the test. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the one untyped JSON body of the test helpers, for tests to read and assert on
export type TestJson = any;

export type ApiAnswer<T = TestJson> = { status: number; headers: Headers; body: T; text: string; bytes: Uint8Array };

export type EmulatorCaller = {
  accountId: string;
  clientId: string;
  clientSecret: string;
  token: string;
  /** A JSON call with this caller's token (or `token: null` for none). */
  call<T = TestJson>(method: string, path: string, options?: { body?: unknown; token?: string | null; headers?: Record<string, string> }): Promise<ApiAnswer<T>>;
};

export async function answer<T = TestJson>(response: Response): Promise<ApiAnswer<T>> {
  const bytes = new Uint8Array(await response.arrayBuffer());
  const text = new TextDecoder().decode(bytes);
  let body: unknown = text;
  if ((response.headers.get("content-type") ?? "").includes("json")) body = JSON.parse(text);
  return { status: response.status, headers: response.headers, body: body as T, text, bytes };
}

export async function fetchToken(baseUrl: string, clientId: string, clientSecret: string): Promise<string> {
  const response = await fetch(`${baseUrl}/auth/open/connect/token`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ grant_type: "client_credentials", scope: "signicat-api", client_id: clientId, client_secret: clientSecret }),
  });
  const result = await answer(response);
  if (result.status !== 200) throw new Error(`token request failed: ${result.status} ${result.text}`);
  assertDocumentedAnswer("POST", "/auth/open/connect/token", result);
  return (result.body as { access_token: string }).access_token;
}

export async function callerFor(server: EmulatorServer, accountId: string, clientId: string, clientSecret: string): Promise<EmulatorCaller> {
  const token = await fetchToken(server.baseUrl, clientId, clientSecret);
  return {
    accountId,
    clientId,
    clientSecret,
    token,
    async call(method, path, options = {}) {
      const headers: Record<string, string> = { ...options.headers };
      const bearer = options.token === undefined ? token : options.token;
      if (bearer) headers.Authorization = `Bearer ${bearer}`;
      let body: string | undefined;
      if (options.body !== undefined) {
        body = typeof options.body === "string" ? options.body : JSON.stringify(options.body);
        headers["Content-Type"] ??= "application/json";
      }
      const result = await answer(await fetch(`${server.baseUrl}${path}`, { method, headers, body }));
      assertDocumentedAnswer(method, path, result);
      return result;
    },
  };
}

/** The emulator with its default account and client, as the console sets it up at start. */
export async function startEmulatorWithDefaults(clientId = "emulator-client", clientSecret = "emulator-secret") {
  const server = await startEmulatorServer();
  const account = await ensureEmulatorDefaults({ clientId, clientSecret });
  const caller = await callerFor(server, account.accountId, clientId, clientSecret);
  return { server, account, caller };
}

/** A second, unrelated account with its own client: for isolation tests. */
export async function otherAccountCaller(server: EmulatorServer, id = "other-account"): Promise<EmulatorCaller> {
  const account = await ensureEmulatorAccount({ id, name: `Account ${id}` });
  await ensureEmulatorClient({ clientId: `${id}-client`, clientSecret: `${id}-secret`, accountId: account.accountId });
  return callerFor(server, account.accountId, `${id}-client`, `${id}-secret`);
}

/** Polls `probe` until it returns something truthy (events arrive in the background). */
export async function waitFor<T>(probe: () => Promise<T | null | undefined | false> | T | null | undefined | false, timeoutMs = 5000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > end) throw new Error("waitFor: timed out");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** A user onboarded through the simulator: activated device (scripted, so the simulator can sign for it) and an accepted proofing. */
export async function onboardedUser(caller: EmulatorCaller, body: unknown = { input: {} }): Promise<{ userId: string; deviceId: string; transactionId: string }> {
  const start = await caller.call<{ data: { transactionId: string; userId: string; activationCode: string; processId: string } }>("POST", "/reuseid/id-onboardings", { body });
  if (start.status !== 200) throw new Error(`onboarding failed: ${start.status} ${start.text}`);
  const data = start.body.data;
  const activation = await caller.call<{ deviceId: string }>("POST", "/simulator/activations", { body: { activationCode: data.activationCode } });
  const proofing = await caller.call("POST", `/simulator/proofings/${data.processId}`, { body: { outcome: "accepted" } });
  if (activation.status !== 200 || proofing.status !== 200) throw new Error(`onboarding did not complete: ${activation.text} ${proofing.text}`);
  return { userId: data.userId, deviceId: activation.body.deviceId, transactionId: data.transactionId };
}
