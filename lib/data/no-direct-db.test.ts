// Only the data layer talks to the database: the console's queries in lib/data/ (queries/ and
// the client itself), the emulator's in lib/emulator/store/. Any other source file that imports
// the Prisma client (lib/data/db) or the generated client's runtime fails here, by name; it
// should call a named function of lib/data/queries/ (or the emulator's store) instead.
// `import type` of the generated models stays allowed: types are not database access.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, posix } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(dirname(new URL(import.meta.url).pathname), "../..");

const ALLOWED_FOLDERS = ["lib/data/", "lib/emulator/store/"];

const SOURCE = /\.(ts|tsx|mts|cts|js|mjs|cjs)$/;
const TEST = /\.(test|spec)\.(ts|tsx|mts|js|mjs)$/;

function walk(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = posix.join(dir, entry.name);
    if (entry.isDirectory()) return path === "lib/generated" || entry.name === "node_modules" ? [] : walk(path);
    return SOURCE.test(entry.name) && !TEST.test(entry.name) ? [path] : [];
  });
}

/** Every non-test source file under app/, components/, lib/ (but lib/generated), scripts/, and the root's. */
export function sourceFiles(): string[] {
  const rootFiles = readdirSync(root, { withFileTypes: true })
    .filter((e) => e.isFile() && SOURCE.test(e.name) && !TEST.test(e.name))
    .map((e) => e.name);
  return [...rootFiles, ...["app", "components", "lib", "scripts"].flatMap(walk)].sort();
}

type Import = { specifier: string; typeOnly: boolean };

/** The modules a source text imports (static, re-exports, side-effect, dynamic import() and require()). */
export function importsOf(source: string): Import[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "");
  const found: Import[] = [];
  for (const m of code.matchAll(/\b(import|export)\s+(type\s+)?([\w$*\s,{}]*?)\s*\bfrom\s*["']([^"']+)["']/g)) {
    const clause = m[3];
    const named = clause.match(/\{([^}]*)\}/)?.[1];
    const outside = clause.replace(/\{[^}]*\}/, "").replace(/[\s,]/g, "");
    const allNamedAreTypes = named !== undefined && named.split(",").every((part) => part.trim() === "" || /^type\s/.test(part.trim()));
    found.push({ specifier: m[4], typeOnly: !!m[2] || (outside === "" && allNamedAreTypes) });
  }
  for (const m of code.matchAll(/\bimport\s*["']([^"']+)["']/g)) found.push({ specifier: m[1], typeOnly: false });
  for (const m of code.matchAll(/\b(?:import|require)\s*\(\s*["']([^"']+)["']\s*\)/g)) found.push({ specifier: m[1], typeOnly: false });
  return found;
}

/** The module a specifier names, relative to the repository without its extension; null for packages. */
function resolve(specifier: string, file: string): string | null {
  let path: string;
  if (specifier.startsWith("@/")) path = specifier.slice(2);
  else if (specifier.startsWith(".")) path = posix.join(posix.dirname(file), specifier);
  else return null;
  return posix
    .normalize(path)
    .replace(/\.(ts|tsx|mts|cts|js|mjs|cjs)$/, "")
    .replace(/\/index$/, "");
}

/** What in this file reaches the database: the client module (any import) or the generated client's runtime (value imports). */
export function databaseImports(source: string, file: string): string[] {
  return importsOf(source)
    .filter(({ specifier, typeOnly }) => {
      const target = resolve(specifier, file);
      if (!target) return false;
      if (target === "lib/data/db") return true;
      return !typeOnly && /^lib\/generated\/prisma[^/]*\//.test(target);
    })
    .map((i) => i.specifier);
}

const allowed = (file: string) => ALLOWED_FOLDERS.some((folder) => file.startsWith(folder));

function filesReachingTheDatabase(): { file: string; imports: string[] }[] {
  return sourceFiles()
    .map((file) => ({ file, imports: databaseImports(readFileSync(join(root, file), "utf8"), file) }))
    .filter((f) => f.imports.length > 0);
}

describe("database access", () => {
  const reaching = filesReachingTheDatabase();

  it("happens only in lib/data/ and lib/emulator/store/", () => {
    const offenders = reaching.filter((f) => !allowed(f.file)).map((f) => `${f.file} imports ${f.imports.join(", ")}`);
    expect(offenders, "call a function of lib/data/queries/ (or lib/emulator/store/) instead").toEqual([]);
  });

  it("the scan covers the source folders and the data layer itself", () => {
    const files = sourceFiles();
    expect(files).toContain("lib/data/db.ts");
    expect(files).toContain("app/api/health/route.ts");
    expect(files).toContain("instrumentation.ts");
    expect(files.some((f) => f.startsWith("scripts/"))).toBe(true);
    expect(files.some((f) => f.startsWith("lib/generated/") || TEST.test(f))).toBe(false);
    expect(reaching.map((f) => f.file)).toContain("lib/data/db.ts");
  });
});

describe("the import scanner", () => {
  const file = "lib/audit/example.ts";

  it("finds the client imported by alias, relative path, re-export, dynamic import and require", () => {
    expect(databaseImports(`import { db } from "@/lib/data/db";`, file)).toEqual(["@/lib/data/db"]);
    expect(databaseImports(`import {\n  db,\n  containsText,\n} from "../data/db";`, file)).toEqual(["../data/db"]);
    expect(databaseImports(`import { db } from "./db";`, "lib/data/other.ts")).toEqual(["./db"]);
    expect(databaseImports(`export { db } from "@/lib/data/db.ts";`, file)).toEqual(["@/lib/data/db.ts"]);
    expect(databaseImports(`const { db } = await import("@/lib/data/db");`, file)).toEqual(["@/lib/data/db"]);
    expect(databaseImports(`const { db } = require("../lib/data/db");`, "scripts/x.mjs")).toEqual(["../lib/data/db"]);
    expect(databaseImports(`import type { Db } from "@/lib/data/db";`, file)).toEqual(["@/lib/data/db"]);
  });

  it("finds value imports of the generated client, but lets its types through", () => {
    expect(databaseImports(`import { PrismaClient } from "@/lib/generated/prisma/client";`, file)).toHaveLength(1);
    expect(databaseImports(`import { Prisma, type Flow } from "@/lib/generated/prisma-pg/client";`, file)).toHaveLength(1);
    expect(databaseImports(`import { PrismaClient } from "../generated/prisma/client";`, file)).toHaveLength(1);
    expect(databaseImports(`import type { Environment } from "@/lib/generated/prisma/client";`, file)).toEqual([]);
    expect(databaseImports(`import { type Environment, type Flow } from "@/lib/generated/prisma/client";`, file)).toEqual([]);
  });

  it("ignores other modules, lookalikes and commented-out imports", () => {
    expect(databaseImports(`import { listEnvironments } from "@/lib/data/queries/environments";`, file)).toEqual([]);
    expect(databaseImports(`import { x } from "@/lib/data/db-helpers";`, file)).toEqual([]);
    expect(databaseImports(`import Database from "better-sqlite3";`, file)).toEqual([]);
    expect(databaseImports(`// import { db } from "@/lib/data/db";\n/* import { db } from "@/lib/data/db"; */`, file)).toEqual([]);
  });
});
