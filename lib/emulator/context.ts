// What a route handler of the emulator gets: the request, its parsed URL and path parameters,
// the raw body, the trace id, and (on authenticated routes) the caller's account.
import { requestHost, trustedProxyHops } from "@/lib/security/proxy-trust";
import { environment, type Env } from "@/lib/config";
import type { IncomingRequest } from "@/lib/http/node";

export const EMULATOR_BASE_PATH = "/emulator";

export type RequestContext = {
  request: IncomingRequest;
  url: URL;
  params: Record<string, string>;
  body: string;
  traceId: string;
  /** The console's public origin (publicOrigin): in discovery, token and JWKS URLs and tokens' iss. */
  origin: string;
  /** Set on bearer-authenticated routes. */
  accountId: string;
};

/**
 * The origin the emulator names itself by. The configured public URL (NEXTAUTH_URL) wins, port
 * included; without one, the Host the caller used, and a reverse proxy's X-Forwarded-Host and
 * -Proto only under TRUST_PROXY (anyone can send them, and a proxy configured with nginx's
 * `$host` drops the port: the issuer would then name a port nobody listens on).
 */
export function publicOrigin(request: IncomingRequest, env: Env = environment()): string {
  const configured = env.NEXTAUTH_URL?.trim();
  if (configured) {
    try {
      return new URL(configured).origin;
    } catch {
      // checked at start (lib/config.ts); fall through rather than fail a request
    }
  }
  const url = new URL(request.url);
  const host = requestHost(request.headers, env) ?? url.host;
  const forwardedProto = trustedProxyHops(env) > 0 ? request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim() : undefined;
  const proto = forwardedProto === "https" || forwardedProto === "http" ? forwardedProto : url.protocol.replace(/:$/, "");
  return `${proto}://${host}`;
}

export const issuerFor = (origin: string) => `${origin}${EMULATOR_BASE_PATH}/auth/open`;
