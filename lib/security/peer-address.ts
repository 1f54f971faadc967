// Stamps each request's socket address into PEER_ADDRESS_HEADER before Next.js sees it, so
// clientAddress() knows the real peer: Next.js hands route handlers no socket and keeps a
// client-written X-Forwarded-For. Installed once per process from instrumentation.ts; it wraps
// the servers' `emit` so it holds for `next start`, `next dev` and any server created in this
// process. A client cannot set the header: whatever it sent under that name is replaced.
import http from "node:http";
import https from "node:https";
import { PEER_ADDRESS_HEADER } from "./proxy-trust";

const INSTALLED = Symbol.for("reuseid.peerAddressHeader");

export function stampPeerAddress(request: http.IncomingMessage): void {
  request.headers[PEER_ADDRESS_HEADER] = request.socket?.remoteAddress ?? "";
}

export function installPeerAddressHeader(): void {
  for (const Server of [http.Server, https.Server]) {
    const proto = Server.prototype as { emit: (...args: unknown[]) => boolean; [INSTALLED]?: true };
    if (proto[INSTALLED]) continue;
    const emit = proto.emit;
    proto.emit = function (this: unknown, event: unknown, ...args: unknown[]) {
      if (event === "request" && args[0]) stampPeerAddress(args[0] as http.IncomingMessage);
      return emit.call(this, event, ...args);
    };
    proto[INSTALLED] = true;
  }
}
