// The security headers that are the same on every response (next.config.js adds them, static
// files included). The Content-Security-Policy carries a per-request nonce, so proxy.ts sets it
// (lib/security/csp.ts). Plain CommonJS because next.config.js reads it.

/** @param {"console" | "authenticator"} page */
function securityHeaders(page) {
  return [
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    // The presenter view frames the virtual app (same origin only); nothing else is framed.
    { key: "X-Frame-Options", value: page === "authenticator" ? "SAMEORIGIN" : "DENY" },
    // The virtual app reads QR codes with the camera; nothing else may ask for it.
    { key: "Permissions-Policy", value: `camera=(${page === "authenticator" ? "self" : ""}), microphone=(), geolocation=(), payment=()` },
  ];
}

module.exports = { securityHeaders };
