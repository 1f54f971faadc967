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
