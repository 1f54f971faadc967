/**
 * Text the emulator will not take: NUL characters (PostgreSQL cannot store them in text, so they
 * were a 500 there and stored silently on SQLite) and unpaired UTF-16 surrogates (not text at
 * all: each database would store something else than was sent). Refused at the border, field by
 * field, the same on both databases, before anything is written.
 */
import type { InvalidParam } from "./http";

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function unsafeTextReason(text: string): string | null {
  if (text.includes("\u0000")) return "must not contain NUL characters";
  if (LONE_SURROGATE.test(text)) return "must not contain unpaired surrogates (it is not valid Unicode text)";
  return null;
}

const MAX_DEPTH = 64;

/**
 * Every string in a parsed JSON value (keys included) that is not storable text, by dotted path.
 * Walked without recursion, and no deeper than MAX_DEPTH: no request of the contract nests that far.
 */
export function unsafeTextParams(value: unknown): InvalidParam[] {
  const found: InvalidParam[] = [];
  const stack: { value: unknown; path: string; depth: number }[] = [{ value, path: "", depth: 0 }];
  while (stack.length > 0) {
    const item = stack.pop()!;
    if (item.depth > MAX_DEPTH) return [{ name: item.path || "body", reason: `is nested more than ${MAX_DEPTH} levels deep` }];
    if (typeof item.value === "string") {
      const reason = unsafeTextReason(item.value);
      if (reason) found.push({ name: item.path || "body", reason });
    } else if (Array.isArray(item.value)) {
      item.value.forEach((child, i) => stack.push({ value: child, path: `${item.path}[${i}]`, depth: item.depth + 1 }));
    } else if (item.value && typeof item.value === "object") {
      for (const [key, child] of Object.entries(item.value)) {
        const keyReason = unsafeTextReason(key);
        if (keyReason) found.push({ name: item.path || "body", reason: `has a key that ${keyReason}` });
        else stack.push({ value: child, path: item.path ? `${item.path}.${key}` : key, depth: item.depth + 1 });
      }
    }
  }
  return found.reverse();
}

/** A percent-encoded path segment decoded, or null when its encoding is malformed. */
export function decodeSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}
