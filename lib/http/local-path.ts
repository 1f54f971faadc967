/**
 * A redirect target that stays on this console: the path and query of `target` when it
 * resolves to the console's own origin, "/" otherwise (`//evil`, `/\evil`, `/%09/evil`, …).
 */
export function localPath(target: string | undefined | null): string {
  if (!target) return "/";
  const base = "http://console.invalid";
  try {
    const url = new URL(target, base);
    return url.origin === base && target.startsWith("/") && !/[\\\t\n\r]/.test(target) ? url.pathname + url.search + url.hash : "/";
  } catch {
    return "/";
  }
}

/** True when a path segment's percent-encoding does not decode (`%FF`, `%E0%A4`, a lone `%`). */
export function hasMalformedEncoding(pathname: string): boolean {
  if (!pathname.includes("%")) return false;
  try {
    for (const segment of pathname.split("/")) decodeURIComponent(segment);
    return false;
  } catch {
    return true;
  }
}
