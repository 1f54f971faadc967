// The client against a scripted upstream on a real local port: what it sends, how it
// caches and renews tokens, and how it reads each error shape.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { clearTokenCache, SignicatClient, type ApiExchangeRecord } from "./client";
import { SignicatError } from "./errors";

type Handler = (req: IncomingMessage, body: string, res: ServerResponse) => void;
let handler: Handler;
let baseUrl: string;
let tokenRequests: string[] = [];
const server = createServer((req, res) => {
  let body = "";
  req.on("data", (c) => (body += c));
  req.on("end", () => handler(req, body, res));
});

function json(res: ServerResponse, status: number, body: unknown, traceId = "trace-" + status) {
  res.writeHead(status, { "content-type": "application/json", "x-trace-id": traceId });
  res.end(JSON.stringify(body));
}

let issued = 0;
function tokenEndpoint(req: IncomingMessage, body: string, res: ServerResponse, expiresIn = 600) {
  tokenRequests.push(body);
  const form = new URLSearchParams(body);
  if (form.get("client_secret") !== "s3cret") return json(res, 401, { error: "invalid_client", error_description: "Client authentication failed" });
  json(res, 200, { access_token: `token-${++issued}`, token_type: "Bearer", expires_in: expiresIn, scope: "signicat-api" });
}

beforeAll(async () => {
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/emulator`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));
beforeEach(() => {
  clearTokenCache();
  tokenRequests = [];
});

const client = (opts: ConstructorParameters<typeof SignicatClient>[1] = {}, secret = "s3cret") => new SignicatClient({ baseUrl, clientId: "cid", clientSecret: secret }, opts);

describe("SignicatClient", () => {
  it("fetches one token, caches it across calls and clients, and sends it as a bearer", async () => {
    const seen: string[] = [];
    handler = (req, body, res) => {
      if (req.url?.endsWith("/token")) return tokenEndpoint(req, body, res);
      seen.push(req.headers.authorization ?? "");
      json(res, 200, { data: { status: "Pending" } });
    };
    const a = client();
    await a.getOnboarding("t1");
    await a.getOnboarding("t2");
    await client().getOnboarding("t3");
    expect(tokenRequests).toHaveLength(1);
    expect(new Set(seen).size).toBe(1);
    expect(seen[0]).toMatch(/^Bearer token-\d+$/);
    const form = new URLSearchParams(tokenRequests[0]);
    expect(form.get("grant_type")).toBe("client_credentials");
    expect(form.get("scope")).toBe("signicat-api");
  });

  it("renews the token before it expires", async () => {
    let now = 1_000_000;
    handler = (req, body, res) => (req.url?.endsWith("/token") ? tokenEndpoint(req, body, res, 60) : json(res, 200, { data: {} }));
    const c = client({ now: () => now });
    await c.getOnboarding("t");
    now += 20_000; // 40 s left: still good
    await c.getOnboarding("t");
    expect(tokenRequests).toHaveLength(1);
    now += 15_000; // 25 s left: inside the renewal margin
    await c.getOnboarding("t");
    expect(tokenRequests).toHaveLength(2);
  });

  it("on a 401 renews the token and retries once", async () => {
    const auths: string[] = [];
    handler = (req, body, res) => {
      if (req.url?.endsWith("/token")) return tokenEndpoint(req, body, res);
      auths.push(req.headers.authorization ?? "");
      if (auths.length === 1) return json(res, 401, { type: "x", title: "Invalid authentication token.", code: "invalid_token", status: 401 });
      json(res, 200, { data: { ok: true } });
    };
    const result = await client().getOnboarding("t");
    expect(result.data).toEqual({ data: { ok: true } });
    expect(tokenRequests).toHaveLength(2);
    expect(auths[0]).not.toBe(auths[1]);
  });

  it("gives up after one retry when the 401 persists", async () => {
    let calls = 0;
    handler = (req, body, res) => {
      if (req.url?.endsWith("/token")) return tokenEndpoint(req, body, res);
      calls++;
      json(res, 401, { title: "Invalid authentication token.", code: "invalid_token", status: 401, traceId: "abc" });
    };
    const error = await client()
      .getOnboarding("t")
      .catch((e) => e);
    expect(error).toBeInstanceOf(SignicatError);
    expect(error).toMatchObject({ status: 401, code: "invalid_token", traceId: "abc" });
    expect(calls).toBe(2);
  });

  it("maps the product error shape with invalidParams and the trace id", async () => {
    handler = (req, body, res) => {
      if (req.url?.endsWith("/token")) return tokenEndpoint(req, body, res);
      json(
        res,
        400,
        { type: "t", title: "Invalid request parameter", status: 400, code: "invalid_request_parameter", traceId: "tr-1", invalidParams: [{ name: "defaultId", reason: "must be one of docTypes" }] },
        "tr-1",
      );
    };
    const error = (await client()
      .startOnboarding({})
      .catch((e) => e)) as SignicatError;
    expect(error.kind).toBe("api");
    expect(error.code).toBe("invalid_request_parameter");
    expect(error.invalidParams).toEqual([{ name: "defaultId", reason: "must be one of docTypes" }]);
    expect(error.describe()).toContain("defaultId: must be one of docTypes");
    expect(error.describe()).toContain("tr-1");
  });

  it("maps the Assure error shape and a bare 503", async () => {
    handler = (req, body, res) => {
      if (req.url?.endsWith("/token")) return tokenEndpoint(req, body, res);
      if (req.url?.includes("/assure/"))
        return json(res, 404, { instance: "/assure/dossiers/x", method: "GET", status: 404, type: "base:client-problem", title: "Not Found", detail: "Dossier not found.", traceId: "as-1" });
      res.writeHead(503, { "x-trace-id": "gw" });
      res.end("upstream overloaded");
    };
    const assure = (await client()
      .getProcess("x", "y")
      .catch((e) => e)) as SignicatError;
    expect(assure).toMatchObject({ status: 404, code: "not_found", title: "Not Found", detail: "Dossier not found.", traceId: "as-1" });
    const down = (await client()
      .getOnboarding("t")
      .catch((e) => e)) as SignicatError;
    expect(down).toMatchObject({ status: 503, code: "internal_error", traceId: "gw" });
    expect(down.detail).toContain("upstream overloaded");
  });

  it("reports a refused client secret as an OAuth error", async () => {
    handler = (req, body, res) => tokenEndpoint(req, body, res);
    const error = (await client({}, "wrong")
      .testConnection()
      .catch((e) => e)) as SignicatError;
    expect(error).toMatchObject({ kind: "oauth", status: 401, code: "invalid_client" });
    expect(error.describe()).toContain("Client authentication failed");
  });

  it("times out and reports an unreachable service", async () => {
    handler = () => {}; // never answers
    const slow = (await client({ timeoutMs: 200 })
      .testConnection()
      .catch((e) => e)) as SignicatError;
    expect(slow.kind).toBe("timeout");
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, "127.0.0.1", r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    const down = new SignicatClient({ baseUrl: `http://127.0.0.1:${port}/emulator`, clientId: "c", clientSecret: "s" });
    const refused = (await down.testConnection().catch((e) => e)) as SignicatError;
    expect(refused).toMatchObject({ kind: "network", code: "unreachable" });
    expect(refused.detail).toContain("connection refused");
  });

  it("records every exchange with the secret and the token redacted", async () => {
    handler = (req, body, res) => (req.url?.endsWith("/token") ? tokenEndpoint(req, body, res) : json(res, 200, { data: { status: "Pending" } }, "t-9"));
    const records: ApiExchangeRecord[] = [];
    await client({ recorder: (r) => void records.push(r) }).startOnboarding({ externalRef: "abc" });
    expect(records.map((r) => [r.method, r.status])).toEqual([
      ["POST", 200],
      ["POST", 200],
    ]);
    const all = JSON.stringify(records);
    expect(all).not.toContain("s3cret");
    expect(all).not.toMatch(/token-\d/);
    expect(records[1]).toMatchObject({ traceId: "t-9", url: `${baseUrl}/reuseid/id-onboardings` });
    expect(records[1].requestBody).toContain('"externalRef": "abc"');
    expect(records[0].durationMs).toBeGreaterThanOrEqual(0);
  });

  it("sends the account id as signicat-accountid", async () => {
    let url = "";
    handler = (req, body, res) => {
      if (req.url?.endsWith("/token")) return tokenEndpoint(req, body, res);
      url = req.url ?? "";
      json(res, 200, {});
    };
    await new SignicatClient({ baseUrl, clientId: "c", clientSecret: "s3cret", accountId: "a-1" }).getUser("u 1");
    expect(url).toBe("/emulator/mobileid/core/users/u%201?signicat-accountid=a-1");
  });
});

describe("paths", () => {
  it("never let an id climb out of its path", async () => {
    const { signicatPaths } = await import("./routes");
    expect(new URL("http://x" + signicatPaths.device("..", "d1")).pathname).toBe("/mobileid/core/users/%252E%252E/devices/d1");
    expect(new URL("http://x" + signicatPaths.user(".")).pathname).toBe("/mobileid/core/users/%252E");
  });
});

describe("named methods only", () => {
  it("sends support's and the simulator's requests as the raw calls did", async () => {
    const seen: string[] = [];
    handler = (req, body, res) => {
      if (req.url?.endsWith("/token")) return tokenEndpoint(req, body, res);
      seen.push(`${req.method} ${req.url?.replace("/emulator", "")} ${body}`);
      json(res, 200, {});
    };
    const c = client();
    await c.deleteUser("u1");
    await c.setUserState("u1", "LOCKED");
    await c.deleteDevice("u1", "d1");
    await c.renameDevice("u1", "d1", "Pixel");
    await c.setDeviceState("u1", "d1", { state: "LOCKED", lockReason: "lost" });
    await c.setDeviceState("u1", "d1", { state: "DEACTIVATED" });
    await c.getDevice("u1", "d1", { detailed: true });
    await c.listUserTransactions("u1", { limit: 20, cursor: "c2" });
    await c.simulateProofing("p1", { outcome: "accepted", persona: "jane-smith" });
    await c.simulateAuthenticationDecision("a1", "reject");
    expect(seen).toEqual([
      "DELETE /mobileid/core/users/u1 ",
      'PATCH /mobileid/core/users/u1 {"state":"LOCKED"}',
      "DELETE /mobileid/core/users/u1/devices/d1 ",
      'PATCH /mobileid/core/users/u1/devices/d1 {"deviceName":"Pixel"}',
      'PATCH /mobileid/core/users/u1/devices/d1?generateEvent=true {"state":"LOCKED","lockReason":"lost"}',
      'PATCH /mobileid/core/users/u1/devices/d1?generateEvent=true {"state":"DEACTIVATED"}',
      "GET /mobileid/core/users/u1/devices/d1?detailed=true ",
      "GET /mobileid/core/users/u1/transactions?limit=20&cursor=c2 ",
      'POST /simulator/proofings/p1 {"outcome":"accepted","persona":"jane-smith"}',
      'POST /simulator/authentications/a1 {"decision":"reject"}',
    ]);
  });

  it("keeps the raw request private: outside the client a path by hand is a type error", () => {
    const c = client();
    // @ts-expect-error call is private: add a named method to lib/signicat/client.ts instead
    expect(typeof c.call).toBe("function");
    // @ts-expect-error binary is private too
    expect(typeof c.binary).toBe("function");
  });
});
