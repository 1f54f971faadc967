// The lean HTTP layer in front of Next: /emulator requests go from node:http straight to the
// emulator's pipeline (lib/emulator/serve.ts, compiled by `next build` into the catch-all route's
// module), skipping Next's router, proxy and route runtime, which cost most of each request.
// The emulator's route brings its own node:http listener (lib/http/node.ts), which reads node's
// request without building a web Request; any other route (/api/health) is served through one.
import { createRequire } from "node:module";
import { resolve } from "node:path";
import { Readable } from "node:stream";

const require = createRequire(import.meta.url);

export const EMULATOR_PREFIX = "/emulator";
// Must match PEER_ADDRESS_HEADER in lib/security/proxy-trust.ts.
const PEER_ADDRESS_HEADER = "x-console-peer-address";

export const isEmulatorPath = (url) => url === EMULATOR_PREFIX || url.startsWith(EMULATOR_PREFIX + "/") || url.startsWith(EMULATOR_PREFIX + "?");

/** The handler of a compiled App Router route (`app/<route>/route.ts`), loaded from the build. */
export async function loadCompiledRoute(distDir, route) {
  const file = resolve(distDir, "server/app", route, "route.js");
  const { routeModule } = require(file);
  await routeModule?.ensureUserland?.();
  const handle = routeModule?.userland?.GET;
  if (typeof handle !== "function") throw new Error(`${file} does not expose its route handler: has Next.js changed its build output?`);
  return handle;
}

/**
 * What Next writes into a request before its handlers see it (base-server.js), so code that reads
 * the client's address or the public origin sees the same headers on both paths: each only when
 * the request does not carry one already.
 */
function forwardedHeaders(req, headers) {
  const encrypted = Boolean(req.socket.encrypted);
  if (!headers.has("x-forwarded-host") && req.headers.host) headers.set("x-forwarded-host", req.headers.host);
  if (!headers.has("x-forwarded-port") && req.socket.localPort) headers.set("x-forwarded-port", String(req.socket.localPort));
  if (!headers.has("x-forwarded-proto")) headers.set("x-forwarded-proto", encrypted ? "https" : "http");
  if (!headers.has("x-forwarded-for") && req.socket.remoteAddress) headers.set("x-forwarded-for", req.socket.remoteAddress);
}

function toWebRequest(req) {
  const headers = new Headers();
  const raw = req.rawHeaders;
  for (let i = 0; i < raw.length; i += 2) headers.append(raw[i], raw[i + 1]);
  forwardedHeaders(req, headers);
  // The socket's own address (lib/security/peer-address.ts): replaced, never taken from the caller.
  headers.set(PEER_ADDRESS_HEADER, req.socket.remoteAddress ?? "");
  const url = `http://${req.headers.host || "localhost"}${req.url}`;
  const hasBody = req.method !== "GET" && req.method !== "HEAD" && (req.headers["content-length"] !== "0" || req.headers["transfer-encoding"]);
  // The body stays a stream: the pipeline reads it with its own size cap (lib/http/body.ts).
  return new Request(url, { method: req.method, headers, body: hasBody ? Readable.toWeb(req) : undefined, duplex: "half" });
}

async function writeWebResponse(res, response) {
  const headers = {};
  for (const [key, value] of response.headers) headers[key] = key === "set-cookie" ? response.headers.getSetCookie() : value;
  const body = response.body ? Buffer.from(await response.arrayBuffer()) : undefined;
  res.writeHead(response.status, headers);
  res.end(body);
}

/** The node:http listener of a compiled route: the route's own where it has one. */
export async function loadRouteListener(distDir, route) {
  const handle = await loadCompiledRoute(distDir, route);
  return handle.nodeListener ?? nodeListener(handle);
}

/** A node:http listener over a Request-to-Response handler. */
export function nodeListener(handle, { onError = console.error } = {}) {
  return (req, res) => {
    let request;
    try {
      request = toWebRequest(req);
    } catch {
      res.writeHead(400, { "content-type": "application/json" }).end(JSON.stringify({ status: 400, title: "Bad Request", detail: "The request could not be read." }));
      return;
    }
    handle(request)
      .then((response) => writeWebResponse(res, response))
      .catch((error) => {
        onError(error);
        if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" });
        res.end(JSON.stringify({ status: 500, title: "Internal Server Error", detail: "The emulator failed to answer." }));
      });
  };
}
