// The lean layer builds a web Request itself, from the raw headers, for a route without a node
// listener of its own (/api/health; the emulator's is lib/http/node.ts, tested there): the socket's
// address must be stamped there too, and a caller's own header of that name must not survive.
import { createServer, type Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PEER_ADDRESS_HEADER } from "@/lib/security/proxy-trust";
// @ts-expect-error plain ES module without types
import { isEmulatorPath, nodeListener } from "./emulator-layer.mjs";

let server: Server;
let origin: string;

beforeAll(async () => {
  const echo = async (request: Request) => Response.json({ peer: request.headers.get(PEER_ADDRESS_HEADER), forwardedFor: request.headers.get("x-forwarded-for") });
  server = createServer(nodeListener(echo));
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(() => server?.close());

describe("the lean emulator layer", () => {
  it("stamps the socket's address and replaces a forged one", async () => {
    const plain = await (await fetch(`${origin}/emulator/x`)).json();
    expect(plain.peer).toBe("127.0.0.1");
    const forged = await (await fetch(`${origin}/emulator/x`, { headers: { [PEER_ADDRESS_HEADER]: "203.0.113.9", "x-forwarded-for": "203.0.113.9" } })).json();
    expect(forged.peer).toBe("127.0.0.1");
    expect(forged.forwardedFor).toBe("203.0.113.9"); // kept, but read only under TRUST_PROXY
  });

  it("takes only /emulator and below", () => {
    expect(isEmulatorPath("/emulator")).toBe(true);
    expect(isEmulatorPath("/emulator/reuseid/api-docs")).toBe(true);
    expect(isEmulatorPath("/emulatorx")).toBe(false);
    expect(isEmulatorPath("/flows")).toBe(false);
  });
});
