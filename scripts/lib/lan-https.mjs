// Serving the console over https on the machine's LAN address, so a phone on the same network can
// run the virtual app (browsers give WebCrypto only to secure pages) without a proxy set up by
// hand. scripts/start.mjs asks this module for the TLS options and the origin, and serves with serveLan().
//
// The certificate is the one given (LAN_CERT_FILE and LAN_KEY_FILE, PEM), else one generated on
// the first start into .data/lan-https/ and kept, so a phone accepts it once and not every start.
// It names the LAN address, localhost and 127.0.0.1; a new LAN address gets a new certificate.
import { createServer as createHttpsServer } from "node:https";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { networkInterfaces } from "node:os";
import { join } from "node:path";
import { X509Certificate } from "node:crypto";

/** The first non-internal IPv4 address (LAN_HOST overrides), or null when the machine has none. */
export function lanAddress(env = process.env, interfaces = networkInterfaces()) {
  if (env.LAN_HOST) return env.LAN_HOST;
  for (const list of Object.values(interfaces)) {
    for (const item of list ?? []) if (item.family === "IPv4" && !item.internal) return item.address;
  }
  return null;
}

const isIp = (host) => /^\d{1,3}(\.\d{1,3}){3}$/.test(host) || host.includes(":");

function covers(certPem, host) {
  const cert = new X509Certificate(certPem);
  const stillValid = new Date(cert.validTo).getTime() > Date.now() + 86_400_000;
  return stillValid && (isIp(host) ? cert.checkIP(host) : cert.checkHost(host)) !== undefined;
}

/** A self-signed certificate for these hosts (the first is the subject), valid for a year. */
export async function generateCertificate(hosts) {
  const { generate } = await import("selfsigned");
  const altNames = [...new Set([...hosts, "localhost", "127.0.0.1"])].map((h) => (isIp(h) ? { type: 7, ip: h } : { type: 2, value: h }));
  const pems = await generate(
    [
      { name: "commonName", value: hosts[0] },
      { name: "organizationName", value: "ReuseID Console (self-signed for demos)" },
    ],
    {
      keySize: 2048,
      algorithm: "sha256",
      notAfterDate: new Date(Date.now() + 365 * 86_400_000),
      extensions: [
        { name: "basicConstraints", cA: false },
        { name: "keyUsage", digitalSignature: true, keyEncipherment: true },
        { name: "extKeyUsage", serverAuth: true },
        { name: "subjectAltName", altNames },
      ],
    },
  );
  return { cert: pems.cert, key: pems.private };
}

/**
 * What an https server needs: `{ key, cert, host, origin, generated }`. `host` is the LAN address
 * the server should be opened at; `origin` is what every QR code and link must carry.
 */
export async function lanHttpsOptions({ env = process.env, port = Number(env.PORT || 3000), dir = env.LAN_CERT_DIR || join(".data", "lan-https") } = {}) {
  const host = lanAddress(env) ?? "127.0.0.1";
  const origin = `https://${host.includes(":") ? `[${host}]` : host}:${port}`;
  if (env.LAN_CERT_FILE || env.LAN_KEY_FILE) {
    if (!env.LAN_CERT_FILE || !env.LAN_KEY_FILE) throw new Error("set both LAN_CERT_FILE and LAN_KEY_FILE (PEM), or neither to have a certificate generated");
    return { key: readFileSync(env.LAN_KEY_FILE, "utf8"), cert: readFileSync(env.LAN_CERT_FILE, "utf8"), host, origin, generated: false };
  }
  const certFile = join(dir, "cert.pem");
  const keyFile = join(dir, "key.pem");
  if (existsSync(certFile) && existsSync(keyFile) && covers(readFileSync(certFile, "utf8"), host)) {
    return { key: readFileSync(keyFile, "utf8"), cert: readFileSync(certFile, "utf8"), host, origin, generated: false };
  }
  const { cert, key } = await generateCertificate([host]);
  mkdirSync(dir, { recursive: true });
  writeFileSync(keyFile, key, { mode: 0o600 });
  writeFileSync(certFile, cert);
  return { key, cert, host, origin, generated: true };
}

/**
 * A request handler in front of the console's own: pages opened at a loopback name are sent to the
 * LAN origin, so the QR codes and links a page draws from its own address carry one a phone can open.
 * API calls, the emulator and health checks answer on any name.
 */
export function redirectLoopbackPages(origin, next) {
  return (request, response) => {
    const hostName = (request.headers.host ?? "").replace(/:\d+$/, "").replace(/^\[|\]$/g, "");
    const loopback = hostName === "localhost" || hostName === "::1" || hostName.startsWith("127.");
    const page = request.method === "GET" && !/^\/(api|emulator|_next)\//.test(request.url ?? "/") && /text\/html/.test(request.headers.accept ?? "");
    if (loopback && page && !origin.includes(`//${hostName}:`)) {
      response.writeHead(307, { location: new URL(request.url ?? "/", origin).toString() });
      response.end();
      return;
    }
    next(request, response);
  };
}

/** `npm run console -- --lan`, `npm start -- --lan` or LAN_HTTPS=1. */
export function lanRequested(argv = process.argv, env = process.env) {
  return argv.includes("--lan") || env.npm_config_lan === "true" || env.LAN_HTTPS === "1" || env.LAN_HTTPS === "true";
}

/**
 * The console's own server for --lan: https on `port` of every interface (or `listenHost`) with
 * the certificate, pages at a loopback name sent to the LAN origin, everything else to `handler`.
 * The socket stays the caller's, so loopback-only rules and the client address hold as over http.
 */
export function serveLan(tls, handler, { port, listenHost = "0.0.0.0" }) {
  const server = createHttpsServer({ key: tls.key, cert: tls.cert }, redirectLoopbackPages(tls.origin, handler));
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, listenHost, () => resolve(server));
  });
}
