/**
 * Where Signicat Events reach this console: POST /api/events/{environmentId}. The embedded
 * emulator delivers to the console at the origin the console calls the emulator on, so the
 * subscription works on loopback without opening private webhook targets to every API client.
 */
import { embeddedEmulatorUrl } from "@/lib/environments";
import { receiverPath } from "./receiver-path";

/** The URL the embedded emulator's subscription for this environment points at. */
export function embeddedReceiverUrl(environmentId: string): string {
  return new URL(receiverPath(environmentId), embeddedEmulatorUrl()).href;
}

/**
 * True only for this console's own receiver: the embedded emulator's origin, exactly one path
 * segment under /api/events/, no credentials, query or fragment. The one webhook target on a
 * private address the emulator may call without EMULATOR_WEBHOOKS_ALLOW_PRIVATE.
 */
export function isOwnEventsReceiver(url: string): boolean {
  let target: URL;
  let own: URL;
  try {
    target = new URL(url);
    own = new URL(embeddedEmulatorUrl());
  } catch {
    return false;
  }
  return target.origin === own.origin && !target.username && !target.password && !target.search && !target.hash && /^\/api\/events\/[^/]+$/.test(target.pathname);
}
