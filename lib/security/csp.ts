/**
 * The Content-Security-Policy, with a nonce per request: proxy.ts puts it on the request, where
 * Next.js finds the nonce and stamps it on its own scripts, and on the response. 'strict-dynamic'
 * lets those scripts load the chunks they need; nothing else runs. Pages prerendered at build
 * (only the 404 page) carry no nonce: their HTML shows, but their scripts do not run.
 * 'unsafe-eval' only in development, where React's refresh runtime needs it.
 *
 * The virtual app (/authenticator) talks to the server URL of the configuration it scanned,
 * which can be another console's emulator or Signicat's app server, so it may connect to and
 * show images from any http(s) origin; console pages only reach their own origin. No page may be
 * framed by another site; the virtual app alone may be framed by this console's own pages.
 */
import { settings } from "@/lib/config";

/** `nonce` null: an answer that is data, never a page (the emulator's), runs no script at all. */
export function contentSecurityPolicy(nonce: string | null, path: string, dev = settings().NODE_ENV === "development"): string {
  const app = path === "/authenticator" || path.startsWith("/authenticator/");
  const anyOrigin = app ? " https: http:" : "";
  return [
    "default-src 'self'",
    nonce === null ? "script-src 'none'" : `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: blob:${anyOrigin}`,
    "font-src 'self' data:",
    `connect-src 'self'${anyOrigin}${dev ? " ws:" : ""}`,
    "media-src 'self' blob:",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    // The presenter view (/demo) shows the virtual app in a phone frame: only this console's own pages may frame it.
    `frame-ancestors ${app ? "'self'" : "'none'"}`,
  ].join("; ");
}

export const newNonce = () => btoa(crypto.randomUUID());
