/**
 * The emulator as the lean HTTP layer (scripts/server/) serves it: the router's pipeline plus the
 * headers every console answer carries, which Next's proxy.ts and next.config.js would otherwise
 * add. The same function serves /emulator through Next's catch-all route, where proxy.ts then
 * sets a CSP of its own: the answers are the same on both paths.
 */
import { contentSecurityPolicy } from "@/lib/security/csp";
import { securityHeaders } from "@/lib/security/headers";
import { webResponse, type Answer } from "@/lib/http/answer";
import { nodeListener, type IncomingRequest } from "@/lib/http/node";
import { cameOverHttps } from "@/lib/security/proxy-trust";
import { EMULATOR_BASE_PATH } from "./context";
import { answerEmulatorRequest } from "./router";
import { andThen, type Maybe } from "@/lib/maybe";

const STATIC_HEADERS = securityHeaders("console");
const HSTS = "max-age=31536000; includeSubDomains";
// Its answers are JSON and images, never a page: one policy, with no script allowed, for all of them.
let policy: string | undefined;

function withConsoleHeaders(request: IncomingRequest, response: Answer): Answer {
  for (const { key, value } of STATIC_HEADERS) response.headers.set(key, value);
  response.headers.set("Content-Security-Policy", (policy ??= contentSecurityPolicy(null, EMULATOR_BASE_PATH)));
  if (cameOverHttps(request.headers)) response.headers.set("Strict-Transport-Security", HSTS);
  return response;
}

const answer = (request: IncomingRequest): Maybe<Answer> => andThen(answerEmulatorRequest(request), (response) => withConsoleHeaders(request, response));

/** Through Next's catch-all route (development). */
export const serveEmulatorRequest = async (request: IncomingRequest): Promise<Response> => webResponse(await answer(request));

/** From node's own request and response, with no web Request or body stream built (the lean layer's path). */
export const serveEmulatorNodeRequest = nodeListener(answer);
