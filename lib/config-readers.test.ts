// lib/config.ts is the one reader of the environment: every other module asks it by name
// (settings(), or environment() for the few that parse a whole record and are tested with one).
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(__dirname, "..");
const SKIP = new Set(["node_modules", "generated", ".next"]);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (SKIP.has(entry.name)) return [];
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|js|mjs)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

describe("settings", () => {
  it("are read from process.env by lib/config.ts alone", () => {
    const files = ["app", "components", "lib"].flatMap((dir) => sourceFiles(join(root, dir))).map((file) => relative(root, file));
    expect(files.length).toBeGreaterThan(100);
    const readers = files.filter((file) => file !== "lib/config.ts" && !file.startsWith("lib/testing/") && /process\.env\b/.test(readFileSync(join(root, file), "utf8")));
    expect(readers, "read settings through lib/config.ts (settings() or environment())").toEqual([]);
  });
});
