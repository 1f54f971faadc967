// What a route handler of the emulator gets: the request, its parsed URL and path parameters,
// the raw body, the trace id, and (on authenticated routes) the caller's account.
export const EMULATOR_BASE_PATH = "/emulator";

export type RequestContext = {
  request: Request;
  url: URL;
  params: Record<string, string>;
  body: string;
  traceId: string;
  /** Origin the caller used, honouring X-Forwarded-Host/Proto (a reverse proxy in front). */
  origin: string;
  /** Set on bearer-authenticated routes. */
  accountId: string;
};

export function publicOrigin(request: Request): string {
  const url = new URL(request.url);
  const first = (value: string | null) => value?.split(",")[0]?.trim() || undefined;
  const host = first(request.headers.get("x-forwarded-host")) ?? first(request.headers.get("host")) ?? url.host;
  const proto = first(request.headers.get("x-forwarded-proto")) ?? url.protocol.replace(/:$/, "");
  return `${proto}://${host}`;
}

export const issuerFor = (origin: string) => `${origin}${EMULATOR_BASE_PATH}/auth/open`;
