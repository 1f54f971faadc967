// Runs before every request: hands the requested path to server layouts (so a sign-in redirect
// can bring the user back), gives the request an id (X-Request-Id, echoed in the response) and a
// CSP nonce (lib/security/csp.ts), adds HSTS when the browser came over https, and refuses what needs no session to refuse:
// cross-site state-changing API calls without a session cookie and API bodies declared too
// large. Requests with a session reach the route wrapper, which refuses them with an audit entry.
import { NextResponse, type NextRequest } from "next/server";
import { isMalformedEmulatorPath, malformedEmulatorPathResponse } from "@/lib/emulator/malformed-path";
import { declaresTooLarge, maxBodyBytes } from "@/lib/http/body";
import { REQUEST_ID_HEADER, requestIdFrom } from "@/lib/http/request-context";
import { crossSiteReason, hasSessionCookie, isGuardedApiRequest } from "@/lib/security/cross-site";
import { contentSecurityPolicy, newNonce } from "@/lib/security/csp";
import { cameOverHttps } from "@/lib/security/proxy-trust";
import { hasMalformedEncoding } from "@/lib/http/local-path";
import { securityHeaders } from "@/lib/security/headers.js";

const HSTS = "max-age=31536000; includeSubDomains";

function refuse(status: number, code: string, message: string, requestId: string): NextResponse {
  return NextResponse.json({ error: { code, message } }, { status, headers: { [REQUEST_ID_HEADER]: requestId } });
}

export function proxy(request: NextRequest) {
  const requestId = requestIdFrom(request.headers);
  const path = request.nextUrl.pathname;
  const csp = contentSecurityPolicy(newNonce(), path);
  let response: NextResponse | Response;
  if (isMalformedEmulatorPath(path)) {
    response = malformedEmulatorPathResponse(request.method, path); // Next.js would fail to decode it before the emulator's route
  } else if (hasMalformedEncoding(path)) {
    // Next.js would fail decoding the route's params and answer a bare text 500.
    const refused = refuse(400, "malformed_path", "The request path has a malformed percent-encoding.", requestId);
    for (const { key, value } of securityHeaders(path.startsWith("/authenticator") ? "authenticator" : "console")) refused.headers.set(key, value);
    response = refused;
  } else if (isGuardedApiRequest(request.method, path) && !hasSessionCookie(request.cookies.getAll().map((c) => c.name)) && crossSiteReason(request)) {
    response = refuse(403, "cross_site", "The console refuses changes requested by another site's page.", requestId);
  } else if (path.startsWith("/api/") && declaresTooLarge(request.headers, maxBodyBytes())) {
    response = refuse(413, "body_too_large", `The request body is larger than ${maxBodyBytes()} bytes.`, requestId);
  } else {
    const headers = new Headers(request.headers);
    headers.set("x-console-path", path + request.nextUrl.search);
    headers.set(REQUEST_ID_HEADER, requestId);
    headers.set("Content-Security-Policy", csp);
    response = NextResponse.next({ request: { headers } });
    response.headers.set(REQUEST_ID_HEADER, requestId);
  }
  response.headers.set("Content-Security-Policy", csp);
  if (cameOverHttps(request.headers)) response.headers.set("Strict-Transport-Security", HSTS);
  return response;
}

// Everything but Next's build assets (scripts and styles: no CSP needed), which carry the static headers of next.config.js.
export const config = { matcher: ["/((?!_next/static|_next/image|favicon).*)"] };
