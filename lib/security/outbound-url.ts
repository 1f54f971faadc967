/**
 * The last check before the console calls an environment: what its host resolves to. A harmless
 * name can point at a link-local or cloud metadata address (see blocked-hosts.ts); the answer is
 * cached per host for a minute to keep a call cheap. (A name that changes its answer within that
 * minute is not caught: the check narrows the hole, it cannot pin the address the call uses.)
 */
import { lookup } from "node:dns/promises";
import { emulatorEnabled } from "@/lib/config";
import { bareHost, blockedAddressReason, blockedHostReason, isIPLiteral, type HostPolicy } from "./blocked-hosts";

const CACHE_MS = 60_000;
const LOOKUP_TIMEOUT_MS = 3_000;

export class OutboundRefusedError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = "OutboundRefusedError";
  }
}

const resolved = new Map<string, { reason: string | null; until: number }>();

/** `policy`: what blocked-hosts.ts refuses ("console" for environments, "public" for webhooks). */
export async function assertOutboundAllowed(url: string, resolve: typeof lookup = lookup, policy: HostPolicy = "console"): Promise<void> {
  const host = bareHost(new URL(url).hostname);
  const written = blockedHostReason(host, policy);
  if (written) throw new OutboundRefusedError(`refused: ${written}`);
  if (isIPLiteral(host)) return;
  const cacheKey = `${policy} ${host}`;
  let cached = resolved.get(cacheKey);
  if (!cached || cached.until <= Date.now()) {
    let addresses: { address: string }[];
    try {
      addresses = await Promise.race([resolve(host, { all: true }), new Promise<never>((_, reject) => setTimeout(() => reject(new Error("lookup timed out")), LOOKUP_TIMEOUT_MS).unref())]);
    } catch {
      return; // the call itself reports the unknown host (or its own timeout)
    }
    const blocked = addresses.map((a) => blockedAddressReason(a.address, policy)).find(Boolean);
    cached = { reason: blocked ? `${host} resolves to ${blocked.replace(" is ", ", ")}` : null, until: Date.now() + CACHE_MS };
    resolved.set(cacheKey, cached);
  }
  if (cached.reason) throw new OutboundRefusedError(`refused: ${cached.reason}`);
}

export function clearOutboundCache() {
  resolved.clear();
}

/**
 * A fetch that checks each destination first; the Signicat client reports a refusal as a network
 * error. The embedded emulator (on loopback) needs no lookup, only to be switched on.
 */
export function guardedFetch(target: "embedded" | "external", inner?: typeof fetch): typeof fetch {
  return async (input, init) => {
    if (target === "embedded" && !emulatorEnabled()) throw new OutboundRefusedError("refused: the embedded emulator is switched off (EMULATOR_ENABLED=false)");
    if (target === "external") await assertOutboundAllowed(typeof input === "string" ? input : input instanceof URL ? input.href : input.url);
    return (inner ?? fetch)(input, init);
  };
}
