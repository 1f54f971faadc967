/**
 * The one way this app talks to a server: a fetch that gives up after 15 seconds, and one
 * error class that says what went wrong (no answer, timeout, or a refusal in the contract's
 * product error shape) so the UI can put it in plain words.
 */

export const REQUEST_TIMEOUT_MS = 15_000;

export type InvalidParam = { name: string; reason: string };

export type RequestFailure =
  | { kind: "timeout" }
  | { kind: "unreachable"; message: string }
  | { kind: "http"; status: number; code: string | null; detail: string | null; invalidParams: InvalidParam[] }
  | { kind: "invalid_response"; message: string };

export class AppRequestError extends Error {
  constructor(
    readonly failure: RequestFailure,
    readonly url: string,
  ) {
    super(failure.kind === "http" ? `${failure.status} ${failure.code ?? ""} ${failure.detail ?? ""}`.trim() : failure.kind);
  }

  get status(): number | null {
    return this.failure.kind === "http" ? this.failure.status : null;
  }

  get code(): string | null {
    return this.failure.kind === "http" ? this.failure.code : null;
  }
}

export async function fetchWithTimeout(url: string, init: RequestInit = {}, timeoutMs = REQUEST_TIMEOUT_MS): Promise<Response> {
  try {
    return await fetch(url, { ...init, cache: "no-store", signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    if (error instanceof DOMException && (error.name === "TimeoutError" || error.name === "AbortError")) {
      throw new AppRequestError({ kind: "timeout" }, url);
    }
    throw new AppRequestError({ kind: "unreachable", message: error instanceof Error ? error.message : String(error) }, url);
  }
}

/** Reads a JSON answer, turning any non-2xx into an AppRequestError carrying the contract's error fields. */
export async function readJson<T>(response: Response): Promise<T> {
  const body = await readOptionalJson<T>(response);
  if (body === null) {
    throw new AppRequestError({ kind: "invalid_response", message: "The server answered without a JSON body." }, response.url);
  }
  return body;
}

/** Like readJson, for answers that may have no body (204 No Content): null then. */
export async function readOptionalJson<T>(response: Response): Promise<T | null> {
  const text = await response.text().catch(() => "");
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  if (!response.ok) {
    const fields = (body && typeof body === "object" ? body : {}) as Record<string, unknown>;
    const code = typeof fields.code === "string" ? fields.code : typeof fields.error === "string" ? fields.error : null;
    const detail = typeof fields.detail === "string" ? fields.detail : typeof fields.error_description === "string" ? fields.error_description : null;
    const invalidParams = Array.isArray(fields.invalidParams) ? (fields.invalidParams as InvalidParam[]) : [];
    throw new AppRequestError({ kind: "http", status: response.status, code, detail, invalidParams }, response.url);
  }
  return body as T | null;
}

export async function getJson<T>(url: string): Promise<T> {
  return readJson<T>(await fetchWithTimeout(url, { headers: { Accept: "application/json" } }));
}

export async function postJson<T>(url: string, payload: unknown): Promise<T> {
  return readJson<T>(
    await fetchWithTimeout(url, {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      body: JSON.stringify(payload),
    }),
  );
}
