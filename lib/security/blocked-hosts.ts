/**
 * One checker of where the server may send a request, with two policies:
 *
 * - "console" (environments): link-local addresses (169.254.0.0/16, fe80::/10) and the cloud
 *   metadata endpoints (169.254.169.254, fd00:ec2::254, 100.100.100.200, metadata.google.internal)
 *   are refused, which would hand an environment's owner the server's cloud credentials. Loopback
 *   and private networks stay allowed: the embedded emulator is reached on 127.0.0.1, and local or
 *   in-house emulators are a normal way to test.
 * - "public" (the emulator's webhooks, whose URLs any API client chooses): only public unicast
 *   addresses. Loopback, "this network" (0.0.0.0/8), private, shared (100.64.0.0/10), link-local,
 *   unique-local, multicast and reserved ranges are refused, and so is any IPv6 form that carries
 *   an IPv4 address (mapped ::ffff:0:0/96, compatible ::/96, NAT64 64:ff9b::/96 and 64:ff9b:1::/48,
 *   6to4 2002::/16), whatever its spelling: hosts are read the way the WHATWG URL parser reads
 *   them, so 127.1, 2130706433, 0x7f.1 and 0177.0.0.1 are all 127.0.0.1.
 *
 * In both, an address is judged by what it is after unwrapping, so [::ffff:a9fe:a9fe] is the
 * metadata address. Plain code, shared by the environment form in the browser.
 */
export type HostPolicy = "console" | "public";

const METADATA_HOSTS = new Set(["metadata.google.internal", "metadata.goog"]);
const METADATA_ADDRESSES = new Set(["169.254.169.254", "fd00:ec2::254", "100.100.100.200"]);

/** Lower case, without brackets or a trailing dot; IP literals in the URL parser's canonical spelling. */
function canonical(host: string): string {
  const bare = host
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, "")
    .replace(/\.$/, "");
  try {
    return new URL(`http://${bare.includes(":") ? `[${bare}]` : bare}/`).hostname.replace(/^\[|\]$/g, "");
  } catch {
    return bare;
  }
}

const isIPv4 = (s: string) => /^\d{1,3}(\.\d{1,3}){3}$/.test(s);
const isIPv6 = (s: string) => s.includes(":") && /^[\da-f:.]+$/.test(s);

/** The 8 groups of a canonical IPv6 address (with a dotted tail allowed), or null. */
function ipv6Groups(ip: string): number[] | null {
  let text = ip;
  const dotted = /^(.*:)(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted[2].split(".").map(Number);
    text = `${dotted[1]}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const halves = text.split("::");
  if (halves.length > 2) return null;
  const part = (s: string) => (s ? s.split(":").map((g) => parseInt(g, 16)) : []);
  const [left, right] = [part(halves[0]), halves.length === 2 ? part(halves[1]) : []];
  const groups = halves.length === 2 ? [...left, ...Array<number>(8 - left.length - right.length).fill(0), ...right] : left;
  return groups.length === 8 && groups.every((g) => Number.isInteger(g) && g >= 0 && g <= 0xffff) ? groups : null;
}

const v4From = (hi: number, lo: number) => [hi >> 8, hi & 255, lo >> 8, lo & 255].join(".");

type Verdict = { kind: "metadata" | "link-local" | "refused" | "public"; what: string; embedded?: string };

function ipv4Verdict(ip: string): Verdict {
  const [a, b] = ip.split(".").map(Number);
  if (METADATA_ADDRESSES.has(ip)) return { kind: "metadata", what: "a cloud metadata address" };
  if (a === 169 && b === 254) return { kind: "link-local", what: "a link-local address" };
  if (a === 127) return { kind: "refused", what: "a loopback address" };
  if (a === 0) return { kind: "refused", what: "a 'this network' address (0.0.0.0/8 reaches this machine)" };
  if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168)) return { kind: "refused", what: "a private address" };
  if (a === 100 && b >= 64 && b <= 127) return { kind: "refused", what: "a shared (carrier-grade NAT) address" };
  if (a === 192 && b === 0 && ip.split(".")[2] === "0") return { kind: "refused", what: "an IETF protocol address" };
  if (a === 198 && (b === 18 || b === 19)) return { kind: "refused", what: "a benchmarking address" };
  if (a >= 224) return { kind: "refused", what: a < 240 ? "a multicast address" : "a reserved address" };
  return { kind: "public", what: "a public address" };
}

function ipv6Verdict(ip: string): Verdict {
  if (METADATA_ADDRESSES.has(ip)) return { kind: "metadata", what: "a cloud metadata address" };
  const g = ipv6Groups(ip);
  if (!g) return { kind: "refused", what: "not a valid IPv6 address" };
  const zeros = (n: number) => g.slice(0, n).every((x) => x === 0);
  if (zeros(8)) return { kind: "refused", what: "the unspecified address" };
  if (zeros(7) && g[7] === 1) return { kind: "refused", what: "a loopback address" };
  if (zeros(5) && g[5] === 0xffff) return { kind: "refused", what: "an IPv4-mapped address", embedded: v4From(g[6], g[7]) };
  if (zeros(6)) return { kind: "refused", what: "an IPv4-compatible address", embedded: v4From(g[6], g[7]) };
  if (g[0] === 0x64 && g[1] === 0xff9b && g.slice(2, 6).every((x) => x === 0)) return { kind: "refused", what: "a NAT64 address", embedded: v4From(g[6], g[7]) };
  if (g[0] === 0x64 && g[1] === 0xff9b && g[2] === 1) return { kind: "refused", what: "a local NAT64 address", embedded: v4From(g[6], g[7]) };
  if (g[0] === 0x2002) return { kind: "refused", what: "a 6to4 address", embedded: v4From(g[1], g[2]) };
  if ((g[0] & 0xffc0) === 0xfe80) return { kind: "link-local", what: "a link-local address" };
  if ((g[0] & 0xffc0) === 0xfec0) return { kind: "refused", what: "a site-local address" };
  if ((g[0] & 0xfe00) === 0xfc00) return { kind: "refused", what: "a unique-local address" };
  if ((g[0] & 0xff00) === 0xff00) return { kind: "refused", what: "a multicast address" };
  return { kind: "public", what: "a public address" };
}

/** What an IP address is, seen through any IPv4 address it carries. */
function verdict(ip: string): Verdict {
  if (isIPv4(ip)) return ipv4Verdict(ip);
  const outer = ipv6Verdict(ip);
  if (!outer.embedded) return outer;
  const inner = ipv4Verdict(outer.embedded);
  // A carried metadata or link-local address is named as such; otherwise the wrapper decides.
  return inner.kind === "metadata" || inner.kind === "link-local" ? { ...inner, embedded: outer.embedded } : outer;
}

/** Why an IP address may not be called under `policy`, or null. */
export function blockedAddressReason(address: string, policy: HostPolicy = "console"): string | null {
  const ip = canonical(address);
  const v = verdict(ip);
  const shown = v.embedded && (v.kind === "metadata" || v.kind === "link-local") ? v.embedded : ip;
  if (v.kind === "metadata" || v.kind === "link-local") return `${shown} is ${v.what}`;
  if (policy === "public" && v.kind === "refused") return `${ip} is ${v.what}`;
  return null;
}

/** Why a URL's host (as written) may not be called under `policy`, or null. */
export function blockedHostReason(hostname: string, policy: HostPolicy = "console"): string | null {
  const host = canonical(hostname);
  if (METADATA_HOSTS.has(host)) return `${host} is a cloud metadata host`;
  if (policy === "public" && (host === "localhost" || host.endsWith(".localhost"))) return `${host} is this machine`;
  return isIPv4(host) || isIPv6(host) ? blockedAddressReason(host, policy) : null;
}

export const isIPLiteral = (hostname: string) => isIPv4(canonical(hostname)) || isIPv6(canonical(hostname));
export const bareHost = canonical;
