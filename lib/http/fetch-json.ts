// Browser side of the console's API: `{data}` on success, the one error shape otherwise,
// and a timeout so nothing spins forever.
import type { ApiErrorBody } from "./api-error";

export class ConsoleApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiErrorBody["error"],
  ) {
    super(body.message);
  }
}

export async function fetchJson<T>(url: string, init: RequestInit & { json?: unknown; timeoutMs?: number } = {}): Promise<T> {
  const { json, timeoutMs = 30_000, ...rest } = init;
  let response: Response;
  try {
    response = await fetch(url, {
      ...rest,
      headers: { accept: "application/json", ...(json !== undefined ? { "content-type": "application/json" } : {}), ...rest.headers },
      body: json !== undefined ? JSON.stringify(json) : rest.body,
      signal: rest.signal ?? AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    const timedOut = error instanceof Error && error.name === "TimeoutError";
    throw new ConsoleApiError(0, {
      code: timedOut ? "timeout" : "network",
      message: timedOut ? "The console did not answer in time." : "The console cannot be reached. Is the server running?",
    });
  }
  const body = (await response.json().catch(() => null)) as { data?: unknown; error?: ApiErrorBody["error"] } | null;
  if (!response.ok) {
    // eslint-disable-next-line @next/next/no-location-assign-relative-destination -- a plain function outside React, with no router: a full load of the sign-in page is the intent
    if (response.status === 401 && typeof window !== "undefined") window.location.assign(`/signin?callbackUrl=${encodeURIComponent(window.location.pathname + window.location.search)}`);
    throw new ConsoleApiError(response.status, body?.error ?? { code: "http_" + response.status, message: `The console answered HTTP ${response.status}.` });
  }
  return body?.data as T;
}
