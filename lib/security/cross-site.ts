/**
 * Cross-site request refusal for the console's state-changing API calls. A browser names the
 * page that made a request in `Origin` (and `Sec-Fetch-Site`); another site's page must not
 * change anything with the staff member's cookie. Requests without either header (scripts,
 * curl) carry no ambient browser credentials by accident and pass.
 *
 * Applies to POST/PUT/PATCH/DELETE on /api/** except /api/auth/** (next-auth checks its own
 * CSRF token); never to /emulator/**, an API for scripts and other origins by design.
 */
import { environment, type Env } from "@/lib/config";
import { requestHost } from "./proxy-trust";

const STATE_CHANGING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export function isGuardedApiRequest(method: string, pathname: string): boolean {
  return STATE_CHANGING.has(method.toUpperCase()) && (pathname === "/api" || pathname.startsWith("/api/")) && !pathname.startsWith("/api/auth/");
}

/** next-auth's session cookie, with or without the __Secure- prefix of https, or chunked. */
export const hasSessionCookie = (cookieNames: string[]) => cookieNames.some((name) => /(^|-)next-auth\.session-token(\.\d+)?$/.test(name));

/** Why this request looks cross-site, or null when it may go on. */
export function crossSiteReason(request: { method: string; headers: Headers }, env: Env = environment()): string | null {
  if (!STATE_CHANGING.has(request.method.toUpperCase())) return null;
  const fetchSite = request.headers.get("sec-fetch-site");
  if (fetchSite === "cross-site") return "Sec-Fetch-Site: cross-site";
  const origin = request.headers.get("origin");
  if (origin === null) return null;
  let originHost: string;
  try {
    originHost = new URL(origin).host.toLowerCase();
  } catch {
    return `Origin ${origin.slice(0, 100)}`;
  }
  const allowed = new Set<string>();
  const host = requestHost(request.headers, env);
  if (host) allowed.add(host);
  if (env.NEXTAUTH_URL) {
    try {
      allowed.add(new URL(env.NEXTAUTH_URL).host.toLowerCase());
    } catch {
      // config validation reports a malformed NEXTAUTH_URL at start
    }
  }
  return allowed.has(originHost) ? null : `Origin ${origin.slice(0, 100)}`;
}
