// Removes secrets and tokens from bodies before an exchange is stored or shown.
const SECRET_KEY = /secret|password|token|authorization|assertion|private/i;
export const REDACTED = "[redacted]";

export function redactJson(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactJson);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, SECRET_KEY.test(k) && v != null ? REDACTED : redactJson(v)]));
  }
  return value;
}

/** A body as text for the record: JSON redacted, forms redacted per field, binaries described. */
export function bodyForRecord(body: string | null | undefined, contentType: string | null): string | null {
  if (body == null || body === "") return null;
  if (contentType?.includes("application/x-www-form-urlencoded")) {
    const form = new URLSearchParams(body);
    for (const key of [...form.keys()]) if (SECRET_KEY.test(key)) form.set(key, REDACTED);
    return form.toString();
  }
  try {
    return JSON.stringify(redactJson(JSON.parse(body)), null, 2);
  } catch {
    return body.length > 4000 ? `${body.slice(0, 4000)}… (${body.length} characters)` : body;
  }
}
