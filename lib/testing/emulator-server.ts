/**
 * The emulator over real HTTP for tests: node:http on 127.0.0.1 with an ephemeral port. By
 * default it serves as `npm start`'s lean layer does, from node's own request (lib/http/node.ts);
 * a test that puts a console route beside it gets each request as a web Request instead.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { answerEmulatorRequest } from "@/lib/emulator/router";
import { nodeListener } from "@/lib/http/node";
import { installPeerAddressHeader } from "@/lib/security/peer-address";

export type EmulatorServer = { origin: string; baseUrl: string; close(): Promise<void> };

async function toRequest(incoming: IncomingMessage, origin: string): Promise<Request> {
  const chunks: Buffer[] = [];
  for await (const chunk of incoming) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
  }
  const method = incoming.method ?? "GET";
  const body = method === "GET" || method === "HEAD" || chunks.length === 0 ? undefined : Buffer.concat(chunks);
  return new Request(new URL(incoming.url ?? "/", origin), { method, headers, body });
}

async function writeResponse(response: Response, outgoing: ServerResponse): Promise<void> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => (headers[name] = value));
  outgoing.writeHead(response.status, headers);
  outgoing.end(Buffer.from(await response.arrayBuffer()));
}

/**
 * `host`: the address to listen on (a test of non-loopback callers listens on the machine's own LAN address).
 * `handle`: what answers (default the emulator alone; a test of the events receiver adds the console's route).
 */
export async function startEmulatorServer(host = "127.0.0.1", handle?: (request: Request) => Promise<Response>): Promise<EmulatorServer> {
  installPeerAddressHeader(); // as instrumentation.ts does in the console: the peer address, unforgeable
  let origin = "";
  const web = (serve: (request: Request) => Promise<Response>) => (incoming: IncomingMessage, outgoing: ServerResponse) =>
    toRequest(incoming, origin)
      .then(serve)
      .then((response) => writeResponse(response, outgoing))
      .catch((error: unknown) => {
        outgoing.writeHead(500, { "Content-Type": "text/plain" });
        outgoing.end(String(error));
      });
  const server = createServer(handle ? web(handle) : nodeListener(answerEmulatorRequest));
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  origin = `http://${host.includes(":") ? `[${host}]` : host}:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    baseUrl: `${origin}/emulator`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
