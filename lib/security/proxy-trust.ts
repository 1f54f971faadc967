/**
 * What the console may believe about where a request came from. Forwarded headers
 * (X-Forwarded-For, -Proto, -Host) are believed only with TRUST_PROXY, the number of reverse
 * proxies in front of the console ("true" = 1), since anyone can send them.
 *
 * Next.js gives handlers no socket address: it writes the peer's address into X-Forwarded-For,
 * but only when the request has none of its own (`??=` in next/dist/server/base-server.js).
 * So without TRUST_PROXY the address is that header's last entry, which is the peer unless a
 * client talking to the console directly wrote the header itself. Behind a proxy, set TRUST_PROXY.
 */
type HeaderSource = Headers | Record<string, string | string[] | undefined>;

function header(headers: HeaderSource, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const value = headers[name] ?? headers[name.toLowerCase()];
  return Array.isArray(value) ? value.join(",") : value;
}

export function trustedProxyHops(env: Record<string, string | undefined> = process.env): number {
  const value = env.TRUST_PROXY?.trim().toLowerCase();
  if (!value || value === "false" || value === "0") return 0;
  if (value === "true") return 1;
  return Number(value);
}

/** The client's address as far as it can be known: the entry the outermost trusted proxy appended. */
export function clientAddress(headers: HeaderSource, env: Record<string, string | undefined> = process.env): string {
  const entries = (header(headers, "x-forwarded-for") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  if (entries.length === 0) return "unknown";
  const hops = Math.max(1, trustedProxyHops(env));
  const entry = entries[Math.max(0, entries.length - hops)];
  return entry.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/, "$1").slice(0, 64);
}

/** True when the browser reached the console over https: a trusted proxy says so, or NEXTAUTH_URL is https. */
export function cameOverHttps(headers: HeaderSource, env: Record<string, string | undefined> = process.env): boolean {
  if (env.NEXTAUTH_URL?.startsWith("https://")) return true;
  if (trustedProxyHops(env) === 0) return false;
  return header(headers, "x-forwarded-proto")?.split(",")[0]?.trim() === "https";
}

/** The host the browser addressed (the proxy's X-Forwarded-Host when trusted). */
export function requestHost(headers: HeaderSource, env: Record<string, string | undefined> = process.env): string | undefined {
  const forwarded = trustedProxyHops(env) > 0 ? header(headers, "x-forwarded-host")?.split(",")[0]?.trim() : undefined;
  return (forwarded || header(headers, "host"))?.toLowerCase();
}
