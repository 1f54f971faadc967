/**
 * What the console may believe about where a request came from. The client address is the
 * socket's peer unless TRUST_PROXY says who stands in front: a number of reverse proxies
 * ("true" = 1), or a comma-separated list of proxy addresses and CIDR ranges. Only then is
 * X-Forwarded-For read, from the right (the entries a trusted proxy appended), and only then
 * are X-Forwarded-Proto and -Host believed: anyone can send them.
 *
 * Next.js gives handlers no socket address, and writes the peer into X-Forwarded-For only when
 * the request has none of its own, so a client could choose it. lib/security/peer-address.ts
 * therefore stamps the socket's address into PEER_ADDRESS_HEADER on every request, replacing
 * whatever the client sent under that name.
 */
import { environment, type Env } from "@/lib/config";
import type { HeaderReader } from "@/lib/http/node";

// proxy.ts imports this file too (it runs in the Node.js runtime): keep it free of heavy modules.
const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
function isIP(address: string): 0 | 4 | 6 {
  if (IPV4.test(address)) return 4;
  return /^[0-9a-f:.]+$/i.test(address) && address.includes(":") && (address.match(/::/g) ?? []).length <= 1 ? 6 : 0;
}

export const PEER_ADDRESS_HEADER = "x-console-peer-address";

/** Headers as a handler reads them (`Headers`, lib/http/node.ts) or as node:http hands them over. */
export type HeaderSource = HeaderReader | Record<string, string | string[] | undefined>;

const isReader = (headers: HeaderSource): headers is HeaderReader => typeof headers.get === "function";

export function header(headers: HeaderSource, name: string): string | undefined {
  if (isReader(headers)) return headers.get(name) ?? undefined;
  const value = headers[name] ?? headers[name.toLowerCase()];
  return Array.isArray(value) ? value.join(",") : value;
}

export type ProxyTrust = { kind: "none" } | { kind: "hops"; hops: number } | { kind: "addresses"; ranges: string[] };

export function proxyTrust(env: Env = environment()): ProxyTrust {
  const value = env.TRUST_PROXY?.trim().toLowerCase();
  if (!value || value === "false" || value === "0") return { kind: "none" };
  if (value === "true") return { kind: "hops", hops: 1 };
  if (/^\d+$/.test(value)) return { kind: "hops", hops: Number(value) };
  return {
    kind: "addresses",
    ranges: value
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean),
  };
}

export function trustedProxyHops(env: Env = environment()): number {
  const trust = proxyTrust(env);
  return trust.kind === "hops" ? trust.hops : trust.kind === "addresses" ? 1 : 0;
}

const trustsAnyProxy = (env: Env) => proxyTrust(env).kind !== "none";

export function normalizeAddress(address: string): string {
  const trimmed = address.trim().replace(/^\[(.*)\]$/, "$1");
  return trimmed
    .replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, "$1")
    .toLowerCase()
    .slice(0, 64);
}

function ipv4ToNumber(address: string): number {
  return address.split(".").reduce((n, part) => n * 256 + Number(part), 0);
}

function ipv6ToBigInt(address: string): bigint {
  const compressed = address.includes("::");
  const [head, tail] = compressed ? address.split("::") : [address, ""];
  const h = head ? head.split(":") : [];
  const t = tail ? tail.split(":") : [];
  const last = compressed ? t : h;
  if (last.length && last[last.length - 1].includes(".")) {
    const v4 = ipv4ToNumber(last.pop()!);
    last.push(Math.floor(v4 / 65536).toString(16), (v4 % 65536).toString(16));
  }
  const groups = compressed ? [...h, ...Array<string>(Math.max(0, 8 - h.length - t.length)).fill("0"), ...t] : h;
  return groups.reduce((n, g) => (n << 16n) + BigInt(parseInt(g || "0", 16) || 0), 0n);
}

/** True when the address is one of the ranges ("10.0.0.1", "10.0.0.0/8", "fd00::/8"). */
export function addressInRanges(address: string, ranges: string[]): boolean {
  const ip = normalizeAddress(address);
  const family = isIP(ip);
  if (!family) return false;
  return ranges.some((range) => {
    const [base, bitsText] = range.split("/");
    const baseIp = normalizeAddress(base);
    if (isIP(baseIp) !== family) return false;
    const width = family === 4 ? 32 : 128;
    const bits = bitsText === undefined ? width : Number(bitsText);
    if (!Number.isInteger(bits) || bits < 0 || bits > width) return false;
    if (family === 4) {
      if (bits === 0) return true;
      const mask = (0xffffffff << (32 - bits)) >>> 0;
      return (ipv4ToNumber(ip) & mask) >>> 0 === (ipv4ToNumber(baseIp) & mask) >>> 0;
    }
    const shift = BigInt(128 - bits);
    return ipv6ToBigInt(ip) >> shift === ipv6ToBigInt(baseIp) >> shift;
  });
}

/** TRUST_PROXY as written is valid: off, a number, or addresses and CIDR ranges. */
export function validTrustProxy(value: string): boolean {
  const trust = proxyTrust({ TRUST_PROXY: value });
  if (trust.kind !== "addresses") return trust.kind === "none" || trust.hops <= 9;
  return trust.ranges.every((range) => {
    const [base, bits] = range.split("/");
    const family = isIP(normalizeAddress(base));
    return family !== 0 && (bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128)));
  });
}

/**
 * The client's address: the socket peer, or under TRUST_PROXY the entry the outermost trusted
 * proxy appended to X-Forwarded-For. "unknown" when the peer is not known.
 */
export function clientAddress(headers: HeaderSource, env: Env = environment()): string {
  const peer = header(headers, PEER_ADDRESS_HEADER);
  const trust = proxyTrust(env);
  if (!peer) return "unknown";
  if (trust.kind === "none") return normalizeAddress(peer);
  const chain = [
    ...(header(headers, "x-forwarded-for") ?? "")
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean),
    peer,
  ].map(normalizeAddress);
  if (trust.kind === "hops") return chain[Math.max(0, chain.length - 1 - trust.hops)];
  let i = chain.length - 1;
  while (i > 0 && addressInRanges(chain[i], trust.ranges)) i--;
  return chain[i];
}

/** True when the browser reached the console over https: a trusted proxy says so, or NEXTAUTH_URL is https. */
export function cameOverHttps(headers: HeaderSource, env: Env = environment()): boolean {
  if (env.NEXTAUTH_URL?.startsWith("https://")) return true;
  if (!trustsAnyProxy(env)) return false;
  return header(headers, "x-forwarded-proto")?.split(",")[0]?.trim() === "https";
}

/** The host the browser addressed (the proxy's X-Forwarded-Host when trusted). */
export function requestHost(headers: HeaderSource, env: Env = environment()): string | undefined {
  const forwarded = trustsAnyProxy(env) ? header(headers, "x-forwarded-host")?.split(",")[0]?.trim() : undefined;
  return (forwarded || header(headers, "host"))?.toLowerCase();
}

/**
 * The headers next-auth may see: it builds its own URLs (callbacks, redirects) from
 * X-Forwarded-Host and -Proto, so without TRUST_PROXY those become the Host the client connected
 * to and plain http (NEXTAUTH_URL, when set, wins inside next-auth anyway). Null: keep them.
 */
export function untrustedForwardingReplaced(headers: Headers, env: Env = environment()): Headers | null {
  if (trustsAnyProxy(env)) return null;
  const replaced = new Headers(headers);
  const host = replaced.get("host");
  if (host) replaced.set("x-forwarded-host", host);
  else replaced.delete("x-forwarded-host");
  replaced.set("x-forwarded-proto", env.NEXTAUTH_URL?.startsWith("https://") ? "https" : "http");
  return replaced;
}
