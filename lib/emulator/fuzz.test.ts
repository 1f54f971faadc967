// Every route of the emulator's table meets odd input: bodies of the wrong type, NUL and lone
// surrogates, huge strings, malformed and climbing paths, odd query parameters. None may answer
// 5xx, and every refusal is in the contract's shape with its trace id. Bounded (about 3,000
// requests, four at a time) and on loopback. The counts are printed for the security review's closing note.
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answer, startEmulatorWithDefaults, type EmulatorCaller } from "@/lib/testing/emulator-fixtures";
import type { EmulatorServer } from "@/lib/testing/emulator-server";
import { activateTestDevice, type TestDevice } from "@/lib/testing/emulator-device";
import { configureThrottle } from "./throttle";
import { ROUTES } from "./router";

let server: EmulatorServer;
let caller: EmulatorCaller;
let device: TestDevice;

beforeAll(async () => {
  let account;
  ({ server, caller, account } = await startEmulatorWithDefaults());
  const start = await caller.call("POST", "/reuseid/id-onboardings", { body: { input: {} } });
  device = await activateTestDevice(server, account.applicationId, start.body.data.activationCode);
  // The fuzzer is one loopback caller sending many wrong codes and secrets: the brakes would answer 429 to most.
  configureThrottle("activation", { perAddress: 1e6, perSubject: 1e6 });
  configureThrottle("token", { perAddress: 1e6, perSubject: 1e6 });
});
afterAll(() => server.close());

const HUGE = "x".repeat(60_000);
const ODD_VALUES: unknown[] = [
  null,
  true,
  false,
  0,
  -1,
  1e308,
  3.5,
  "",
  " ",
  "\u0000",
  "\ud800",
  "a\udc00b",
  HUGE,
  "💥".repeat(1000),
  "../../etc/passwd",
  "%00",
  "<script>",
  [],
  [null],
  [HUGE],
  {},
  { "\u0000": 1 },
  { __proto__: { admin: true } },
  { constructor: { prototype: {} } },
];
const FIELDS = [
  "externalRef",
  "input",
  "provider",
  "userId",
  "deviceId",
  "activationCode",
  "deviceName",
  "outcome",
  "persona",
  "docType",
  "decision",
  "url",
  "events",
  "secret",
  "latencyMs",
  "errorRate",
  "paths",
  "expireNow",
  "attributes",
  "state",
  "segment",
  "lockReason",
  "requestedUserAttributes",
  "preOperationContext",
  "postOperationContext",
  "applicationId",
  "publicKey",
  "signature",
  "platform",
  "appVersion",
  "docTypes",
  "defaultId",
  "eidProviderOptions",
  "videoidProviderOptions",
  "identity",
  "sendPush",
];
const RAW_BODIES = ["", "null", "[]", "{}", "1", '"text"', "{", '{"a":', "\u0000", '{"a":"\\ud800"}', "[".repeat(5000) + "]".repeat(5000), '{"a":1,"a":2}', "\ufeff{}", HUGE];
const ODD_SEGMENTS = ["%FF", "%00", "%ED%A0%80", "%E0%A4%A", "..", "%2e%2e", "%2F", "a%2Fb", "x".repeat(5000), "%25", "💥", "%F0%9F%92%A5", "null", "0"];
const ODD_QUERIES = [
  "limit=%00",
  "limit=-1",
  "limit=99999999999999999999",
  "detailed=%ED%A0%80",
  "externalRef=%00",
  "depiction=../../x",
  "generateEvent=%FF",
  "cursor=%00",
  "cursor=" + "z".repeat(3000),
  "applicationId=%00",
  "signicat-accountid=%00",
];

function bodies(): string[] {
  const all = [...RAW_BODIES];
  for (const value of ODD_VALUES) all.push(JSON.stringify(Object.fromEntries(FIELDS.map((f) => [f, value]))));
  for (const value of [null, 0, "\u0000", "\ud800", HUGE, {}]) all.push(JSON.stringify({ input: Object.fromEntries(FIELDS.map((f) => [f, value])) }));
  // Each field alone with odd text or a wrong type, the rest absent.
  for (const field of FIELDS) for (const value of ["\u0000", []]) all.push(JSON.stringify({ [field]: value }));
  return all;
}

async function inParallel<T>(items: T[], width: number, each: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) await each(items[next++]);
    }),
  );
}

const concretePath = (pattern: string, segment: (name: string) => string) => pattern.replace(/:(\w+)/g, (_, name: string) => segment(name));

async function send(method: string, path: string, body?: string, contentType = "application/json"): Promise<{ status: number; ok: boolean; why: string }> {
  const url = `${server.baseUrl}${path}`;
  const headers: Record<string, string> = { "Content-Type": contentType, Authorization: `Bearer ${caller.token}` };
  if (path.startsWith("/encore/encap/")) {
    const timestamp = String(Date.now());
    const pathname = new URL(url).pathname;
    headers["X-Device-Id"] = device.deviceId;
    headers["X-Device-Timestamp"] = timestamp;
    headers["X-Device-Signature"] = await device.sign(
      `${method}\n${pathname}\n${timestamp}\n${createHash("sha256")
        .update(body ?? "")
        .digest("hex")}`,
    );
  }
  const res = await answer(await fetch(url, { method, headers, body: method === "GET" ? undefined : body }));
  const trace = res.headers.get("x-trace-id");
  if (res.status >= 500) return { status: res.status, ok: false, why: res.text.slice(0, 300) };
  if (!trace) return { status: res.status, ok: false, why: "no X-TRACE-ID" };
  if (res.status >= 400) {
    const b = res.body as Record<string, unknown>;
    const shaped =
      typeof b === "object" && b !== null && (typeof b.error === "string" || (typeof b.code === "string" && b.traceId === trace) || (b.type === "base:client-problem" && b.traceId === trace));
    if (!shaped) return { status: res.status, ok: false, why: `not in a contract error shape: ${res.text.slice(0, 200)}` };
    if (/prisma|at [\w.]+ \(|node_modules|SQLITE|invalid byte sequence/i.test(res.text)) return { status: res.status, ok: false, why: `shows internals: ${res.text.slice(0, 200)}` };
  }
  return { status: res.status, ok: true, why: "" };
}

describe("fuzzing every emulator route", () => {
  it("never answers 5xx, always in the contract's error shape, and shows no internals", async () => {
    const tally = new Map<number, number>();
    const failures: string[] = [];
    let tried = 0;
    const record = (label: string, result: { status: number; ok: boolean; why: string }) => {
      tried++;
      tally.set(result.status, (tally.get(result.status) ?? 0) + 1);
      if (!result.ok) failures.push(`${label} → ${result.status} ${result.why}`);
    };
    const everyBody = bodies();
    // The reset forgets the fuzzer's own device: it goes last.
    const routes = [...ROUTES].sort((a, b) => Number(a.path === "/simulator/reset") - Number(b.path === "/simulator/reset"));
    for (const route of routes) {
      const path = concretePath(route.path, (name) => (name === "deviceId" ? device.deviceId : `fuzz-${name}`));
      if (route.method !== "GET" && route.method !== "DELETE") {
        const contentType = route.path.endsWith("/token") ? "application/x-www-form-urlencoded" : "application/json";
        await inParallel(everyBody, 4, async (body) => record(`${route.method} ${route.path} body ${body.slice(0, 60)}`, await send(route.method, path, body, contentType)));
      }
      if (route.path.includes(":")) {
        for (const segment of ODD_SEGMENTS)
          record(
            `${route.method} ${route.path} segment ${segment.slice(0, 40)}`,
            await send(
              route.method,
              concretePath(route.path, () => segment),
              "{}",
            ),
          );
      }
      for (const query of ODD_QUERIES) record(`${route.method} ${route.path}?${query.slice(0, 40)}`, await send(route.method, `${path}?${query}`, route.method === "GET" ? undefined : "{}"));
      if (route.path === "/simulator/faults" && route.method === "PUT") await caller.call("DELETE", "/simulator/faults");
    }
    for (const form of [
      "client_id=%00&client_secret=x&grant_type=client_credentials",
      `client_id=${HUGE}&client_secret=${HUGE}&grant_type=client_credentials`,
      "grant_type=%ED%A0%80",
      "client_id=a&client_id=b&client_secret=c&grant_type=client_credentials",
      "%FF=%FF",
    ]) {
      record(`token form ${form.slice(0, 40)}`, await send("POST", "/auth/open/connect/token", form, "application/x-www-form-urlencoded"));
    }
    console.log(`emulator fuzz: ${tried} requests over ${ROUTES.length} routes; statuses ${JSON.stringify(Object.fromEntries([...tally].sort((a, b) => a[0] - b[0])))}; ${failures.length} findings`);
    expect(failures).toEqual([]);
  }, 600_000);
});
