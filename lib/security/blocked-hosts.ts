/**
 * Addresses the console never calls: link-local ones (169.254.0.0/16, fe80::/10) and the cloud
 * metadata endpoints (169.254.169.254, fd00:ec2::254, 100.100.100.200, metadata.google.internal),
 * which would hand an environment's owner the server's cloud credentials. Loopback and private
 * networks stay allowed: the embedded emulator is reached on 127.0.0.1, and local or in-house
 * emulators are a normal way to test. Plain code, shared by the environment form in the browser.
 */
const METADATA_HOSTS = new Set(["metadata.google.internal", "metadata.goog"]);
const METADATA_ADDRESSES = new Set(["169.254.169.254", "fd00:ec2::254", "100.100.100.200"]);

const bare = (host: string) => host.toLowerCase().replace(/^\[|\]$/g, "").replace(/\.$/, "");
const isIPv4 = (s: string) => /^\d{1,3}(\.\d{1,3}){3}$/.test(s);
const isIPv6 = (s: string) => s.includes(":") && /^[\da-f:.]+$/.test(s);

/** An IPv4-mapped IPv6 address as the IPv4 address it carries (`::ffff:a9fe:a9fe` and `::ffff:169.254.169.254`). */
function unmapped(ip: string): string {
  const dotted = /^(?:0{0,4}:){0,4}:?(?:0{0,4}:)?ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(ip);
  if (dotted) return dotted[1];
  const hex = /^(?:0{0,4}:){0,4}:?(?:0{0,4}:)?ffff:([\da-f]{1,4}):([\da-f]{1,4})$/.exec(ip);
  if (!hex) return ip;
  const [hi, lo] = [parseInt(hex[1], 16), parseInt(hex[2], 16)];
  return [hi >> 8, hi & 255, lo >> 8, lo & 255].join(".");
}

/** Why an IP address may not be called, or null. */
export function blockedAddressReason(address: string): string | null {
  const ip = unmapped(bare(address));
  if (METADATA_ADDRESSES.has(ip)) return `${ip} is a cloud metadata address`;
  if (isIPv4(ip) && ip.startsWith("169.254.")) return `${ip} is a link-local address`;
  if (isIPv6(ip) && /^fe[89ab][\da-f]?:/.test(ip)) return `${ip} is a link-local address`;
  return null;
}

/** Why a URL's host (as written) may not be called, or null. */
export function blockedHostReason(hostname: string): string | null {
  const host = bare(hostname);
  if (METADATA_HOSTS.has(host)) return `${host} is a cloud metadata host`;
  return isIPv4(host) || isIPv6(host) ? blockedAddressReason(host) : null;
}

export const isIPLiteral = (hostname: string) => isIPv4(bare(hostname)) || isIPv6(bare(hostname));
export const bareHost = bare;
