/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3"],
  devIndicators: false,
  // Lets helpers and tests build side by side without sharing a build folder.
  distDir: process.env.NEXT_DIST_DIR || ".next",
};

module.exports = nextConfig;
