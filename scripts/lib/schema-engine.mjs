// Prisma's schema engine compiled to WebAssembly, driven through the SQLite driver
// adapter, so migrations can be diffed and created without the native engine
// (which cannot be downloaded offline). Used by migration-new and the drift check.
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { createRequire } from "node:module";
import { join, dirname, resolve } from "node:path";

const require = createRequire(import.meta.url);
const root = resolve(dirname(new URL(import.meta.url).pathname), "../..");
export const schemaPath = join(root, "prisma/schema.prisma");
export const migrationsDir = join(root, "prisma/migrations");

let loaded;

/** The wasm module is instantiated once per process: its JS glue holds one instance. */
function loadEngine() {
  loaded ??= instantiate();
  return loaded;
}

async function instantiate() {
  const pkgDir = dirname(require.resolve("@prisma/schema-engine-wasm"));
  const bg = await import(join(pkgDir, "schema_engine_bg.js"));
  const wasm = readFileSync(join(pkgDir, "schema_engine_bg.wasm"));
  const { instance } = await WebAssembly.instantiate(wasm, { "./schema_engine_bg.js": bg });
  bg.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start?.();
  return bg;
}

export function listMigrations() {
  const dirs = existsSync(migrationsDir)
    ? readdirSync(migrationsDir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()
    : [];
  const lockPath = join(migrationsDir, "migration_lock.toml");
  return {
    baseDir: migrationsDir,
    lockfile: { path: lockPath, content: existsSync(lockPath) ? readFileSync(lockPath, "utf8") : null },
    shadowDbInitScript: "",
    migrationDirectories: dirs.map((name) => {
      const file = join(migrationsDir, name, "migration.sql");
      return { path: name, migrationFile: { path: file, content: { tag: "ok", value: readFileSync(file, "utf8") } } };
    }),
  };
}

// When the engine replays migrations it sends each file through executeRaw, which
// better-sqlite3 refuses for several statements; such argument-less SQL is a script.
function scriptTolerant(factory) {
  const wrap = (adapter) =>
    new Proxy(adapter, {
      get(target, prop, receiver) {
        if (prop === "executeRaw") {
          return async (query) => {
            if ((query.args?.length ?? 0) === 0 && /;\s*\S/.test(query.sql)) {
              await target.executeScript(query.sql);
              return 0;
            }
            return target.executeRaw(query);
          };
        }
        if (prop === "startTransaction") {
          return async (...a) => wrap(await target.startTransaction(...a));
        }
        const value = Reflect.get(target, prop, receiver);
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
  return new Proxy(factory, {
    get(target, prop, receiver) {
      if (prop === "connect" || prop === "connectToShadowDb") {
        const original = Reflect.get(target, prop, receiver);
        return original ? async (...a) => wrap(await original.apply(target, a)) : undefined;
      }
      const value = Reflect.get(target, prop, receiver);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

export async function withEngine(fn, schemaText) {
  const bg = await loadEngine();
  const { PrismaBetterSqlite3 } = await import("@prisma/adapter-better-sqlite3");
  const { bindMigrationAwareSqlAdapterFactory } = await import("@prisma/driver-adapter-utils");
  const factory = scriptTolerant(new PrismaBetterSqlite3({ url: ":memory:" }));
  const schema = schemaText ?? readFileSync(schemaPath, "utf8");
  const engine = await bg.SchemaEngine.new(
    { datamodels: [[schemaPath, schema]] },
    () => {},
    bindMigrationAwareSqlAdapterFactory(factory),
  );
  try {
    return await fn(engine, schema);
  } finally {
    engine.free?.();
  }
}

/** SQL that takes a database from the committed migrations to schema.prisma; "" when none is needed. */
export async function pendingSchemaSql(schemaText) {
  return withEngine(async (engine, schema) => {
    const result = await engine.diff({
      from: { tag: "migrations", ...listMigrations() },
      to: { tag: "schemaDatamodel", files: [{ path: schemaPath, content: schema }] },
      script: true,
      exitCode: true,
      filters: { externalTables: [], externalEnums: [] },
    });
    return result.exitCode === 2 ? (result.stdout ?? "") : "";
  }, schemaText);
}
