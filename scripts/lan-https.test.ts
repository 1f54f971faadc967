// The --lan https server, for real: a generated certificate, TLS verified against it by an https
// client on loopback, requests handed to the console's handler, and pages sent to the LAN origin.
import { X509Certificate } from "node:crypto";
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { request } from "node:https";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
// @ts-expect-error plain ES module without types
import { lanHttpsOptions, lanRequested, serveLan } from "./lib/lan-https.mjs";

type Tls = { key: string; cert: string; host: string; origin: string; generated: boolean };
const dir = mkdtempSync(join(tmpdir(), "lan-https-"));
const env = { LAN_HOST: "192.0.2.10", LAN_CERT_DIR: dir } as Record<string, string>;
let tls: Tls;
let front: Server;
let frontPort: number;
const seen: { url?: string; encrypted: boolean; peer?: string }[] = [];

function get(path: string, headers: Record<string, string> = {}, trust = true): Promise<{ status: number; location?: string; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port: frontPort, path, headers, ca: trust ? tls.cert : undefined, servername: "localhost" }, (res) => {
      let body = "";
      res.on("data", (c) => (body += c));
      res.on("end", () => resolve({ status: res.statusCode!, location: res.headers.location, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

beforeAll(async () => {
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    seen.push({ url: req.url, encrypted: Boolean((req.socket as { encrypted?: boolean }).encrypted), peer: req.socket.remoteAddress });
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ ok: true, path: req.url }));
  };
  tls = await lanHttpsOptions({ env, port: 3443 });
  front = await serveLan(tls, handler, { port: 0, listenHost: "127.0.0.1" });
  frontPort = (front.address() as { port: number }).port;
});
afterAll(() => {
  front?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("https on the LAN address", () => {
  it("is asked for by --lan, npm's --lan flag or LAN_HTTPS=1, and not otherwise", () => {
    expect(lanRequested(["node", "start.mjs", "--lan"], {})).toBe(true);
    expect(lanRequested(["node", "start.mjs"], { npm_config_lan: "true" })).toBe(true);
    expect(lanRequested(["node", "start.mjs"], { LAN_HTTPS: "1" })).toBe(true);
    expect(lanRequested(["node", "start.mjs"], {})).toBe(false);
  });

  it("generates a certificate for the LAN address, localhost and 127.0.0.1, and keeps it for the next start", async () => {
    expect(tls.generated).toBe(true);
    expect(tls.origin).toBe("https://192.0.2.10:3443");
    const cert = new X509Certificate(tls.cert);
    expect(cert.checkIP("192.0.2.10")).toBe("192.0.2.10");
    expect(cert.checkIP("127.0.0.1")).toBe("127.0.0.1");
    expect(cert.checkHost("localhost")).toBe("localhost");
    const again = await lanHttpsOptions({ env, port: 3443 });
    expect(again.generated).toBe(false);
    expect(again.cert).toBe(tls.cert);
  });

  it("makes a new certificate when the LAN address changed", async () => {
    const moved = await lanHttpsOptions({ env: { ...env, LAN_HOST: "192.0.2.77" }, port: 3443 });
    expect(moved.generated).toBe(true);
    expect(new X509Certificate(moved.cert).checkIP("192.0.2.77")).toBe("192.0.2.77");
    tls = { ...tls }; // the server keeps the first one
  });

  it("answers an https client that trusts the certificate, on the caller's own socket", async () => {
    const answer = await get("/api/health");
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toEqual({ ok: true, path: "/api/health" });
    expect(seen.at(-1)).toEqual({ url: "/api/health", encrypted: true, peer: "127.0.0.1" });
  });

  it("is refused by a client that does not trust the certificate", async () => {
    await expect(get("/api/health", {}, false)).rejects.toThrow(/self[- ]signed|unable to verify/i);
  });

  it("sends a page opened at a loopback name to the LAN origin, so its QR codes carry an address a phone can open", async () => {
    const page = await get("/demo?x=1", { accept: "text/html", host: "localhost:3443" });
    expect(page.status).toBe(307);
    expect(page.location).toBe("https://192.0.2.10:3443/demo?x=1");
    const api = await get("/emulator/auth/open/.well-known/openid-configuration", { accept: "text/html", host: "localhost:3443" });
    expect(api.status).toBe(200);
  });
});
