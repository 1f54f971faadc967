// The emulator's node:http path reads node's own request (lib/http/node.ts): what its handler sees
// must be what it would see of the web Request Next builds, and the socket's address must be
// stamped there, a caller's own header of that name never surviving.
import { createServer, request as httpRequest, type Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PEER_ADDRESS_HEADER } from "@/lib/security/proxy-trust";
import { BodyTooLargeError } from "./body";
import { Answer, AnswerHeaders, webResponse } from "./answer";
import { nodeListener, readRequestText, type NodeRequestView } from "./node";
import type { Maybe } from "@/lib/maybe";

let server: Server;
let origin: string;
const LIMIT = 64;

const jsonAnswer = (body: unknown, status = 200) => new Answer(status, new AnswerHeaders({ "Content-Type": "application/json" }), JSON.stringify(body));

/** Some answers come at once (lib/maybe.ts), the rest later. */
function echo(request: NodeRequestView): Maybe<Answer> {
  const { pathname } = new URL(request.url);
  if (pathname === "/now") return new Answer(200, new AnswerHeaders({ "content-type": "text/plain" }), "answered at once");
  if (pathname === "/fail-now") throw new Error("boom at once");
  return echoLater(request);
}

async function echoLater(request: NodeRequestView): Promise<Answer> {
  const names = [PEER_ADDRESS_HEADER, "x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "authorization", "X-Custom"];
  const headers = Object.fromEntries(names.map((name) => [name, request.headers.get(name)]));
  const url = new URL(request.url);
  if (url.pathname === "/text") return new Answer(201, new AnswerHeaders({ "content-type": "text/plain" }), "written as made");
  if (url.pathname === "/bytes") return new Answer(200, new AnswerHeaders({ "Content-Type": "image/png" }), Uint8Array.from([137, 80, 78, 71, 0, 255]));
  if (url.pathname === "/none") return new Answer(204, new AnswerHeaders({ "X-TRACE-ID": "t" }), null);
  if (url.pathname === "/fail") throw new Error("boom");
  try {
    const body = await readRequestText(request, LIMIT);
    return jsonAnswer({ method: request.method, path: url.pathname + url.search, headers, body });
  } catch (error) {
    if (error instanceof BodyTooLargeError) return jsonAnswer({ tooLarge: true }, 413);
    throw error;
  }
}

beforeAll(async () => {
  server = createServer(nodeListener(echo, () => {}));
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(() => server?.close());

/** A raw request, for what fetch will not send: repeated headers, a Host with a space, a chunked body. */
function raw(headers: [string, string][], body?: (string | Buffer)[], path = "/x"): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const { port } = server.address() as { port: number };
    const req = httpRequest({ host: "127.0.0.1", port, path, method: body ? "POST" : "GET", headers: headers.flat(), setHost: false }, (res) => {
      let text = "";
      res.setEncoding("utf8").on("data", (c: string) => (text += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on("error", reject);
    for (const chunk of body ?? []) req.write(chunk);
    req.end();
  });
}

describe("a handler served from node:http", () => {
  it("sees the socket's address, and a forged one replaced", async () => {
    const plain = await (await fetch(`${origin}/x`)).json();
    expect(plain.headers[PEER_ADDRESS_HEADER]).toBe("127.0.0.1");
    const forged = await (await fetch(`${origin}/x`, { headers: { [PEER_ADDRESS_HEADER]: "203.0.113.9", "x-forwarded-for": "203.0.113.9" } })).json();
    expect(forged.headers[PEER_ADDRESS_HEADER]).toBe("127.0.0.1");
    expect(forged.headers["x-forwarded-for"]).toBe("203.0.113.9"); // kept, but read only under TRUST_PROXY
  });

  it("gets the X-Forwarded-* Next would write, only where the request has none", async () => {
    const plain = await (await fetch(`${origin}/x?a=1`)).json();
    expect(plain.path).toBe("/x?a=1");
    expect(plain.headers).toMatchObject({ "x-forwarded-for": "127.0.0.1", "x-forwarded-host": new URL(origin).host, "x-forwarded-proto": "http" });
    const given = await (await fetch(`${origin}/x`, { headers: { "x-forwarded-host": "console.example", "x-forwarded-proto": "https" } })).json();
    expect(given.headers).toMatchObject({ "x-forwarded-host": "console.example", "x-forwarded-proto": "https" });
  });

  it("reads names without regard to case and joins a repeated header as Headers does", async () => {
    const answer = await raw([
      ["Host", "localhost"],
      ["Authorization", "Bearer a"],
      ["Authorization", "Bearer b"],
      ["x-custom", "1"],
    ]);
    // node's own `headers` would keep only the first Authorization: a second one must not slip past.
    expect(JSON.parse(answer.text).headers).toMatchObject({ authorization: "Bearer a, Bearer b", "X-Custom": "1" });
  });

  it("reads a body in pieces, and refuses one past the cap, declared or not", async () => {
    const bytes = Buffer.from('{"name":"Åsa"}');
    const cut = bytes.indexOf(0xc3) + 1; // inside the Å's two bytes
    const answer = await raw(
      [
        ["Host", "localhost"],
        ["Transfer-Encoding", "chunked"],
      ],
      [bytes.subarray(0, cut), bytes.subarray(cut)],
    );
    expect(JSON.parse(answer.text).body).toBe('{"name":"Åsa"}');
    const empty = await raw(
      [
        ["Host", "localhost"],
        ["Transfer-Encoding", "chunked"],
      ],
      [],
    );
    expect(JSON.parse(empty.text).body).toBe("");
    const declared = await fetch(`${origin}/x`, { method: "POST", body: "x".repeat(LIMIT + 1) });
    expect(declared.status).toBe(413);
    const chunked = await raw(
      [
        ["Host", "localhost"],
        ["Transfer-Encoding", "chunked"],
      ],
      ["x".repeat(40), "x".repeat(40)],
    );
    expect(chunked.status).toBe(413);
  });

  it("answers 400 to a request that makes no URL, and 500 when the handler fails", async () => {
    expect((await raw([["Host", "bad host"]])).status).toBe(400);
    const failed = await fetch(`${origin}/fail`);
    expect(failed.status).toBe(500);
    expect(await failed.json()).toMatchObject({ status: 500, title: "Internal Server Error" });
    const failedNow = await fetch(`${origin}/fail-now`);
    expect(failedNow.status).toBe(500);
    expect(await failedNow.json()).toMatchObject({ status: 500, title: "Internal Server Error" });
  });

  it("writes an answer given at once, without a promise, as it writes one given later", async () => {
    const now = await fetch(`${origin}/now`);
    expect(now.status).toBe(200);
    expect(now.headers.get("content-length")).toBe(String("answered at once".length));
    expect(await now.text()).toBe("answered at once");
  });

  it("writes a handler's own text and bytes as they are, each in one piece with its length", async () => {
    const text = await fetch(`${origin}/text`);
    expect(text.status).toBe(201);
    expect(text.headers.get("content-length")).toBe("15");
    expect(text.headers.get("transfer-encoding")).toBeNull();
    expect(await text.text()).toBe("written as made");
    const bytes = await fetch(`${origin}/bytes`);
    expect(bytes.headers.get("content-type")).toBe("image/png");
    expect(bytes.headers.get("content-length")).toBe("6");
    expect([...new Uint8Array(await bytes.arrayBuffer())]).toEqual([137, 80, 78, 71, 0, 255]);
    const none = await fetch(`${origin}/none`);
    expect(none.status).toBe(204);
    expect(none.headers.get("x-trace-id")).toBe("t");
    expect(await none.text()).toBe("");
  });
});

describe("an answer", () => {
  it("reads its headers without regard to case, keeps the last value set, and refuses a line break in a value", () => {
    const headers = new AnswerHeaders({ "X-TRACE-ID": "a", "Content-Type": "application/json" });
    headers.set("x-trace-id", "b");
    expect(headers.get("X-Trace-Id")).toBe("b");
    expect(headers.has("content-type")).toBe(true);
    expect([...headers]).toEqual([
      ["x-trace-id", "b"],
      ["content-type", "application/json"],
    ]);
    expect(() => headers.set("x-request-id", "id\r\nSet-Cookie: a=1")).toThrow(TypeError);
    expect(headers.get("x-request-id")).toBeNull();
    headers.delete("X-TRACE-ID");
    expect(headers.toObject()).toEqual({ "content-type": "application/json" });
  });

  it("reads as a web Response with its status, headers and body kept", async () => {
    const web = webResponse(new Answer(202, new AnswerHeaders({ "X-TRACE-ID": "t" }), '{"a":"Å"}'));
    expect(web.status).toBe(202);
    expect(web.headers.get("x-trace-id")).toBe("t");
    expect(await web.json()).toEqual({ a: "Å" });
    const image = webResponse(new Answer(200, new AnswerHeaders(), Uint8Array.from([1, 2, 3])));
    expect([...new Uint8Array(await image.arrayBuffer())]).toEqual([1, 2, 3]);
    expect(new Answer(200, new AnswerHeaders(), Uint8Array.from([0xc3, 0x85])).text()).toBe("Å");
    expect(await webResponse(new Answer(204, new AnswerHeaders(), null)).text()).toBe("");
  });
});
