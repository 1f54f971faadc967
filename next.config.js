// eslint-disable-next-line @typescript-eslint/no-require-imports -- next.config.js is CommonJS, as is the headers module it shares with the server
const { securityHeaders } = require("./lib/security/headers.js");

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3"],
  devIndicators: false,
  // Lets helpers and tests build side by side without sharing a build folder.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // On every response, static files and route handlers included; HSTS is added per request
  // by proxy.ts, which knows whether the request came over https. The later rule wins.
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders("console") },
      { source: "/authenticator/:path*", headers: securityHeaders("authenticator") },
      { source: "/authenticator", headers: securityHeaders("authenticator") },
    ];
  },
};

module.exports = nextConfig;
