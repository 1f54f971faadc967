/**
 * The TCP peer of a request as the emulator's loopback-only rules need it. The stamp itself is
 * lib/security/peer-address.ts (installed from instrumentation.ts; the lean emulator layer and the
 * tests' emulator server set it too): the socket's address in PEER_ADDRESS_HEADER, replacing
 * whatever a caller sent under that name, whatever TRUST_PROXY says.
 */
import { header, normalizeAddress, PEER_ADDRESS_HEADER, type HeaderSource } from "./proxy-trust";

/** The socket's address, or null when no stamp is there (a request not received by a stamped server). */
export function socketAddress(headers: HeaderSource): string | null {
  const text = header(headers, PEER_ADDRESS_HEADER);
  return text ? normalizeAddress(text) : null;
}

/** True only for a stamped loopback peer (127.0.0.0/8 or ::1): an unknown peer is not loopback. */
export function cameFromLoopback(headers: HeaderSource): boolean {
  const address = socketAddress(headers);
  return address !== null && (/^127\.\d+\.\d+\.\d+$/.test(address) || address === "::1");
}
