import { defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";

export default defineConfig({
  resolve: { alias: { "@": fileURLToPath(new URL(".", import.meta.url)) } },
  test: {
    include: ["{lib,app,components,scripts}/**/*.test.{ts,tsx}"],
    globalSetup: ["./scripts/lib/vitest-global-setup.mjs"],
    setupFiles: ["./vitest.setup.ts"],
    environment: "node",
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
