// The security headers every response carries. Plain CommonJS because next.config.js reads it.
//
// Scripts: 'unsafe-inline' instead of a per-request nonce. Next.js inlines its bootstrap and
// RSC payload scripts; a nonce would only reach them on pages rendered per request, and the
// sign-in, first-run and not-found pages are prerendered at build time, so a nonce CSP would
// break them. React escapes everything the console renders, and no page shows HTML from users.
// 'unsafe-eval' only in development, where React's refresh runtime needs it.
//
// The virtual app (/authenticator) talks to the server URL of the configuration it scanned,
// which can be another console's emulator or Signicat's app server, so it may connect to and
// show images from any http(s) origin and use the camera; console pages only reach their own origin.
const dev = process.env.NODE_ENV === "development";

function contentSecurityPolicy(page) {
  const anyOrigin = page === "authenticator" ? " https: http:" : "";
  return [
    "default-src 'self'",
    `script-src 'self' 'unsafe-inline'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: blob:${anyOrigin}`,
    "font-src 'self' data:",
    `connect-src 'self'${anyOrigin}${dev ? " ws:" : ""}`,
    "media-src 'self' blob:",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** @param {"console" | "authenticator"} page */
function securityHeaders(page) {
  return [
    { key: "Content-Security-Policy", value: contentSecurityPolicy(page) },
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    { key: "X-Frame-Options", value: "DENY" },
    { key: "Permissions-Policy", value: `camera=(${page === "authenticator" ? "self" : ""}), microphone=(), geolocation=(), payment=()` },
  ];
}

module.exports = { securityHeaders };
