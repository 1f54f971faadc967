/**
 * The TCP peer of a request, which route handlers are not given: Next.js hands them a web
 * Request and writes the socket address into X-Forwarded-For only when the caller sent no such
 * header (so anyone can choose it). `stampSocketAddresses()` makes every node:http(s) server of
 * this process write the socket's address into SOCKET_ADDRESS_HEADER before anything reads the
 * request, replacing whatever the caller sent under that name; `socketAddress()` reads it back.
 * instrumentation.ts installs it at start; the tests' emulator server does too.
 */
import http from "node:http";
import https from "node:https";

export const SOCKET_ADDRESS_HEADER = "x-reuseid-socket-address";

type HeaderSource = Headers | Record<string, string | string[] | undefined>;

const normalise = (address: string) => address.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, "$1");

type Stamped = { __reuseidSocketStamp?: true };

export function stampSocketAddresses(): void {
  for (const Server of [http.Server, https.Server]) {
    const proto = Server.prototype as unknown as Stamped & { emit: (event: string | symbol, ...args: unknown[]) => boolean };
    if (proto.__reuseidSocketStamp) continue;
    const emit = proto.emit;
    proto.emit = function stampedEmit(this: unknown, event: string | symbol, ...args: unknown[]) {
      if (event === "request") {
        const request = args[0] as http.IncomingMessage;
        // Replaced, never trusted: the value the caller sent under this name is dropped.
        request.headers[SOCKET_ADDRESS_HEADER] = normalise(request.socket?.remoteAddress ?? "unknown");
      }
      return emit.call(this, event, ...args);
    };
    proto.__reuseidSocketStamp = true;
  }
}

/** The socket's address, or null when no stamp is there (a request not received by a stamped server). */
export function socketAddress(headers: HeaderSource): string | null {
  const value = headers instanceof Headers ? headers.get(SOCKET_ADDRESS_HEADER) : headers[SOCKET_ADDRESS_HEADER];
  const text = Array.isArray(value) ? value[0] : value;
  return text && text !== "unknown" ? text : null;
}

/** True only for a stamped loopback peer (127.0.0.0/8 or ::1): an unknown peer is not loopback. */
export function cameFromLoopback(headers: HeaderSource): boolean {
  const address = socketAddress(headers);
  return address !== null && (/^127\.\d+\.\d+\.\d+$/.test(address) || address === "::1");
}
