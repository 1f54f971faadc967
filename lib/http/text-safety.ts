// Text a database cannot store or a URL cannot carry: PostgreSQL refuses a NUL character in a
// text column (and its error names the column), and a lone UTF-16 surrogate throws in
// encodeURIComponent. Refusing both where input enters (route() and the sign-in) keeps them from
// becoming 500s deep inside a handler, the same on SQLite and PostgreSQL.

const NUL = /\u0000/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why this text cannot be accepted, or null when it can. */
export function unsafeTextReason(text: string): string | null {
  if (NUL.test(text)) return "Must not contain a NUL character.";
  if (LONE_SURROGATE.test(text)) return "Must be valid Unicode text (it contains a lone surrogate).";
  return null;
}

/** The first string (value or object key) in parsed input that cannot be accepted, with its field path. */
export function findUnsafeText(value: unknown, path: string[] = [], depth = 0): { field: string; message: string } | null {
  const here = () => path.join(".") || "_";
  if (typeof value === "string") {
    const message = unsafeTextReason(value);
    return message ? { field: here(), message } : null;
  }
  if (typeof value !== "object" || value === null || depth > 64) return null;
  for (const [key, child] of Array.isArray(value) ? value.entries() : Object.entries(value)) {
    const keyReason = typeof key === "string" ? unsafeTextReason(key) : null;
    if (keyReason) return { field: here(), message: `A field name: ${keyReason.toLowerCase()}` };
    const found = findUnsafeText(child, [...path, String(key)], depth + 1);
    if (found) return found;
  }
  return null;
}

/** The text with NUL and lone surrogates replaced, for recording a refused value (an audit target). */
export function storableText(text: string): string {
  return text.replace(/\u0000/g, "\uFFFD").replace(new RegExp(LONE_SURROGATE.source, "g"), "\uFFFD");
}
