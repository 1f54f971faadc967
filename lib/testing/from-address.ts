/**
 * HTTP from a chosen loopback address (127.0.0.2, 127.0.0.3, …: all of 127/8 is this machine),
 * so tests of per-address brakes see different callers over real sockets.
 */
import { request } from "node:http";
import type { ApiAnswer, TestJson } from "./emulator-fixtures";

export function fromAddress<T = TestJson>(localAddress: string, method: string, url: string, options: { headers?: Record<string, string>; body?: string } = {}): Promise<ApiAnswer<T>> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, localAddress, headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => {
        const bytes = Buffer.concat(chunks);
        const text = bytes.toString("utf8");
        const headers = new Headers();
        for (const [name, value] of Object.entries(res.headers)) if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
        const body: unknown = (headers.get("content-type") ?? "").includes("json") ? JSON.parse(text) : text;
        resolve({ status: res.statusCode ?? 0, headers, body: body as T, text, bytes: new Uint8Array(bytes) });
      });
    });
    req.on("error", reject);
    req.end(options.body);
  });
}

/** A client-credentials token request from `localAddress`. */
export function tokenFrom(localAddress: string, baseUrl: string, clientId: string, clientSecret: string, extraHeaders: Record<string, string> = {}) {
  const body = new URLSearchParams({ grant_type: "client_credentials", scope: "signicat-api", client_id: clientId, client_secret: clientSecret }).toString();
  return fromAddress(localAddress, "POST", `${baseUrl}/auth/open/connect/token`, { headers: { "Content-Type": "application/x-www-form-urlencoded", ...extraHeaders }, body });
}
