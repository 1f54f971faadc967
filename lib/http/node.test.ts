// The emulator's node:http path reads node's own request (lib/http/node.ts): what its handler sees
// must be what it would see of the web Request Next builds, and the socket's address must be
// stamped there, a caller's own header of that name never surviving.
import { createServer, request as httpRequest, type Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PEER_ADDRESS_HEADER } from "@/lib/security/proxy-trust";
import { BodyTooLargeError } from "./body";
import { nodeListener, readRequestText, responseText, textResponse, webResponse, type NodeRequestView } from "./node";

let server: Server;
let origin: string;
const LIMIT = 64;

async function echo(request: NodeRequestView): Promise<Response> {
  const names = [PEER_ADDRESS_HEADER, "x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "authorization", "X-Custom"];
  const headers = Object.fromEntries(names.map((name) => [name, request.headers.get(name)]));
  const url = new URL(request.url);
  if (url.pathname === "/text") return textResponse("written as made", { status: 201, headers: { "content-type": "text/plain" } });
  if (url.pathname === "/cookies") {
    const response = new Response(null, { status: 204 });
    response.headers.append("set-cookie", "a=1");
    response.headers.append("set-cookie", "b=2");
    return response;
  }
  if (url.pathname === "/fail") throw new Error("boom");
  try {
    const body = await readRequestText(request, LIMIT);
    return Response.json({ method: request.method, path: url.pathname + url.search, headers, body });
  } catch (error) {
    if (error instanceof BodyTooLargeError) return Response.json({ tooLarge: true }, { status: 413 });
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
  });

  it("writes a handler's own text as it is, in one piece, and every Set-Cookie", async () => {
    const text = await fetch(`${origin}/text`);
    expect(text.status).toBe(201);
    expect(text.headers.get("content-length")).toBe("15");
    expect(await text.text()).toBe("written as made");
    expect((await fetch(`${origin}/cookies`)).headers.getSetCookie()).toEqual(["a=1", "b=2"]);
  });
});

describe("a text answer read as a web Response", () => {
  it("has its text as the body, with the status and headers kept", async () => {
    const answer = textResponse('{"a":"Å"}', { status: 202, headers: { "x-trace-id": "t" } });
    expect(responseText(answer)).toBe('{"a":"Å"}');
    const web = webResponse(answer);
    expect(web.status).toBe(202);
    expect(web.headers.get("x-trace-id")).toBe("t");
    expect(await web.json()).toEqual({ a: "Å" });
    const plain = new Response("as is");
    expect(webResponse(plain)).toBe(plain);
  });
});
