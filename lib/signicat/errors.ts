// Typed errors for everything that can go wrong talking to Signicat (or the emulator):
// the product error shape, the Assure shape, the OAuth shape, and no answer at all.
export type InvalidParam = { name: string; reason: string };

export type SignicatErrorKind = "api" | "oauth" | "timeout" | "network" | "invalid_response";

export class SignicatError extends Error {
  readonly kind: SignicatErrorKind;
  readonly status: number | null;
  readonly code: string;
  readonly title: string;
  readonly detail: string;
  readonly traceId: string | null;
  readonly invalidParams: InvalidParam[];

  constructor(init: { kind: SignicatErrorKind; status?: number | null; code: string; title: string; detail?: string; traceId?: string | null; invalidParams?: InvalidParam[] }) {
    super(init.detail ? `${init.title}: ${init.detail}` : init.title);
    this.name = "SignicatError";
    this.kind = init.kind;
    this.status = init.status ?? null;
    this.code = init.code;
    this.title = init.title;
    this.detail = init.detail ?? "";
    this.traceId = init.traceId ?? null;
    this.invalidParams = init.invalidParams ?? [];
  }

  /** What a person reads: the upstream's words, its status and code, and the trace id to quote. */
  describe(): string {
    const where = this.status ? `HTTP ${this.status} ${this.code}` : this.code;
    const params = this.invalidParams.map((p) => `${p.name}: ${p.reason}`).join("; ");
    return [`${this.title}${this.detail ? ` — ${this.detail}` : ""}`, params, `(${where}${this.traceId ? `, trace ${this.traceId}` : ""})`].filter(Boolean).join(" ");
  }
}

type Body = Record<string, unknown>;
const str = (v: unknown) => (typeof v === "string" ? v : undefined);
/** A field shown as text: missing as "", a string as it is, anything else as its JSON. */
const shown = (v: unknown): string => (v === undefined || v === null ? "" : typeof v === "string" ? v : JSON.stringify(v));

/** Turns a non-2xx answer into a SignicatError, whatever shape its body has. */
export function errorFromResponse(status: number, body: unknown, traceId: string | null): SignicatError {
  const b: Body = body && typeof body === "object" ? (body as Body) : {};
  if (str(b.error)) {
    return new SignicatError({ kind: "oauth", status, code: str(b.error)!, title: oauthTitle(str(b.error)!), detail: str(b.error_description), traceId });
  }
  const params = Array.isArray(b.invalidParams) ? (b.invalidParams as Body[]).map((p) => ({ name: shown(p.name), reason: shown(p.reason) })) : [];
  if (str(b.code) || str(b.title)) {
    return new SignicatError({
      kind: "api",
      status,
      code: str(b.code) ?? statusCode(status), // the Assure shape has no code
      title: str(b.title) ?? `HTTP ${status}`,
      detail: str(b.detail),
      traceId: str(b.traceId) ?? traceId,
      invalidParams: params,
    });
  }
  return new SignicatError({
    kind: "api",
    status,
    code: statusCode(status),
    title: `HTTP ${status}`,
    detail: typeof body === "string" && body ? body.slice(0, 300) : "The service answered without an error body.",
    traceId,
  });
}

function oauthTitle(code: string): string {
  switch (code) {
    case "invalid_client":
      return "The client id or secret was refused";
    case "invalid_scope":
      return "The scope was refused";
    case "unsupported_grant_type":
      return "The grant type is not supported";
    default:
      return "The token request was refused";
  }
}

function statusCode(status: number): string {
  if (status === 401) return "invalid_token";
  if (status === 403) return "forbidden";
  if (status === 404) return "not_found";
  if (status === 409) return "conflict";
  if (status === 422) return "unprocessable_entity";
  if (status === 429) return "rate_limited";
  if (status >= 500) return "internal_error";
  return "bad_request";
}
