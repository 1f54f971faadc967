/**
 * Where the emulator may POST an event: a webhook URL comes from any API client, so it must not
 * be a way into the console's network. Only public addresses are called (blocked-hosts.ts,
 * policy "public"), checked on the URL as written and after DNS resolution when the subscription
 * is made, and again on the very address each delivery connects to (a lookup hook on the socket,
 * so a name that changes its answer later gains nothing). EMULATOR_WEBHOOKS_ALLOW_PRIVATE=true
 * (local development, the tests) allows loopback and private networks; link-local and cloud
 * metadata addresses stay refused even then. The one exception without it: the console's own
 * events receiver at the embedded emulator's origin (lib/events/receiver-url.ts).
 */
import { lookup as dnsLookup, type LookupAddress, type LookupAllOptions, type LookupOneOptions } from "node:dns";
import { request as httpRequest, type IncomingMessage } from "node:http";
import { request as httpsRequest } from "node:https";
import type { LookupFunction } from "node:net";
import { blockedAddressReason, type HostPolicy } from "@/lib/security/blocked-hosts";
import { assertOutboundAllowed, OutboundRefusedError } from "@/lib/security/outbound-url";
import { settings } from "@/lib/config";
import { isOwnEventsReceiver } from "@/lib/events/receiver-url";

export function webhookPolicy(): HostPolicy {
  return settings().EMULATOR_WEBHOOKS_ALLOW_PRIVATE ? "console" : "public";
}

const policyFor = (url: string): HostPolicy => (isOwnEventsReceiver(url) ? "console" : webhookPolicy());

/** Refuses (OutboundRefusedError "refused: …") a URL whose host, as written or as resolved, may not be called. */
export async function assertWebhookTarget(url: string): Promise<void> {
  await assertOutboundAllowed(url, undefined, policyFor(url));
}

/** dns.lookup that fails with the refusal when any address of the answer may not be called. */
function guardedLookup(policy: HostPolicy): LookupFunction {
  return (hostname: string, options: LookupOneOptions | LookupAllOptions, callback: (error: Error | null, address: string | LookupAddress[], family?: number) => void) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, "");
      const blocked = addresses.map((a) => blockedAddressReason(a.address, policy)).find(Boolean);
      if (blocked) return callback(new OutboundRefusedError(`refused: ${hostname} resolves to ${blocked.replace(" is ", ", ")}`), "");
      if ((options as LookupAllOptions).all) return callback(null, addresses);
      callback(null, addresses[0].address, addresses[0].family);
    });
  };
}

export type WebhookAnswer = { statusCode: number };

/** POSTs `body` to a permitted target; refusals reject with OutboundRefusedError before any connection. */
export async function postWebhook(url: string, body: string, headers: Record<string, string>, timeoutMs: number): Promise<WebhookAnswer> {
  const policy = policyFor(url);
  await assertOutboundAllowed(url, undefined, policy); // the URL as written, and its name's answer now
  const target = new URL(url);
  const request = target.protocol === "https:" ? httpsRequest : httpRequest;
  return new Promise<WebhookAnswer>((resolve, reject) => {
    const req = request(
      target,
      { method: "POST", headers: { ...headers, "content-length": String(Buffer.byteLength(body)) }, lookup: guardedLookup(policy), timeout: timeoutMs },
      (res: IncomingMessage) => {
        res.resume(); // the answer's body is not needed, only that it ended
        res.on("end", () => resolve({ statusCode: res.statusCode ?? 0 }));
        res.on("error", reject);
      },
    );
    req.on("timeout", () => req.destroy(Object.assign(new Error(`timeout after ${timeoutMs} ms`), { name: "TimeoutError" })));
    req.on("error", reject);
    req.end(body);
  });
}
