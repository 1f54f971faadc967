/**
 * The address the emulator's per-address counters (throttle.ts) charge a request to. One small
 * function so that it follows the console's rule for client addresses: the socket's peer, unless
 * TRUST_PROXY says how many reverse proxies to believe (then X-Forwarded-For, read from the right,
 * lib/security/proxy-trust.ts). IPv6 callers are counted per /64, the block one host is usually given.
 */
import type { IncomingRequest } from "@/lib/http/node";
import { clientAddress } from "@/lib/security/proxy-trust";

export function callerAddress(request: IncomingRequest): string {
  const address = clientAddress(request.headers);
  return address.includes(":") ? ipv6Prefix64(address) : address;
}

/** The first four groups of an IPv6 address, `::` expanded: "2001:db8:0:1::/64". */
export function ipv6Prefix64(address: string): string {
  const bare = address
    .toLowerCase()
    .replace(/^\[|\]$/g, "")
    .split("%")[0];
  const [head, tail] = bare.includes("::") ? bare.split("::") : [bare, null];
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups = tail === null ? left : [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill("0"), ...right];
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ""))
    .join(":")}::/64`;
}
