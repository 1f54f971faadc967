// Prisma's schema engine compiled to WebAssembly, driven through a driver adapter, so
// migrations can be diffed and created without the native engine (which cannot be downloaded
// offline). One schema and one migrations folder per provider: prisma/ for SQLite,
// prisma/postgres/ for PostgreSQL. Used by migration-new and the drift checks.
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { createRequire } from "node:module";
import { join, dirname, resolve } from "node:path";
import { randomUUID } from "node:crypto";

const require = createRequire(import.meta.url);
const root = resolve(dirname(new URL(import.meta.url).pathname), "../..");

export const providers = {
  sqlite: { schemaPath: join(root, "prisma/schema.prisma"), migrationsDir: join(root, "prisma/migrations") },
  postgresql: { schemaPath: join(root, "prisma/postgres/schema.prisma"), migrationsDir: join(root, "prisma/postgres/migrations") },
};
export const schemaPath = providers.sqlite.schemaPath;
export const migrationsDir = providers.sqlite.migrationsDir;

/** The models of a schema file without its generator and datasource blocks: what both providers must share. */
export function modelsOf(schemaText) {
  return (
    schemaText
      .replace(/^(generator|datasource)\s+\w+\s*\{[^}]*\}/gm, "")
      .replace(/^\s*\/\/.*$/gm, "")
      // PostgreSQL-only: the trigram GIN indexes History's search uses (SQLite has an FTS5 table instead).
      .replace(/^\s*@@index\(.*type: Gin.*$/gm, "")
      .replace(/\n\s*\n+/g, "\n")
      .trim()
  );
}

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

export function listMigrations(dir = migrationsDir) {
  const dirs = existsSync(dir)
    ? readdirSync(dir, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .sort()
    : [];
  const lockPath = join(dir, "migration_lock.toml");
  return {
    baseDir: dir,
    lockfile: { path: lockPath, content: existsSync(lockPath) ? readFileSync(lockPath, "utf8") : null },
    shadowDbInitScript: "",
    migrationDirectories: dirs.map((name) => {
      const file = join(dir, name, "migration.sql");
      return { path: name, migrationFile: { path: file, content: { tag: "ok", value: readFileSync(file, "utf8") } } };
    }),
  };
}

// When the engine replays migrations it sends each file through executeRaw, which neither
// better-sqlite3 nor pg's prepared statements accept for several statements; such
// argument-less SQL is a script. (`executeScript` of each adapter is given in `script`.)
function scriptTolerant(factory, { script, connectToShadowDb } = {}) {
  const wrap = (adapter) =>
    new Proxy(adapter, {
      get(target, prop, receiver) {
        if (prop === "executeRaw") {
          return async (query) => {
            if ((query.args?.length ?? 0) === 0 && /;\s*\S/.test(query.sql)) {
              await (script ? script(target, query.sql) : target.executeScript(query.sql));
              return 0;
            }
            return target.executeRaw(query);
          };
        }
        if (prop === "executeScript" && script) return (sql) => script(target, sql);
        if (prop === "startTransaction") {
          return async (...a) => wrap(await target.startTransaction(...a));
        }
        const value = Reflect.get(target, prop, receiver);
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
  return new Proxy(factory, {
    get(target, prop, receiver) {
      if (prop === "connectToShadowDb" && connectToShadowDb) return async () => wrap(await connectToShadowDb());
      if (prop === "connect" || prop === "connectToShadowDb") {
        const original = Reflect.get(target, prop, receiver);
        return original ? async (...a) => wrap(await original.apply(target, a)) : undefined;
      }
      const value = Reflect.get(target, prop, receiver);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

async function sqliteFactory() {
  const { PrismaBetterSqlite3 } = await import("@prisma/adapter-better-sqlite3");
  return scriptTolerant(new PrismaBetterSqlite3({ url: ":memory:" }));
}

/**
 * @prisma/adapter-pg as the engine's adapter, with its three known problems worked around:
 * catalogue queries return "char" columns (OID 18) it cannot read, so the client reports them as
 * text; its shadow database would connect to the main one when given a connection string, so the
 * config is passed as separate fields and the shadow database is made and dropped here (after its
 * pool is closed); and its executeScript splits on ";", which breaks function bodies, so scripts go
 * to the server whole (the simple query protocol takes several statements).
 */
async function postgresFactory(url) {
  if (!url) throw new Error("a PostgreSQL URL is needed for PostgreSQL migrations: set MIGRATION_POSTGRES_URL or TEST_POSTGRES_URL");
  const { default: pg } = await import("pg");
  const { PrismaPg } = await import("@prisma/adapter-pg");
  class CharAsTextClient extends pg.Client {
    query(...args) {
      const asText = (r) => {
        for (const field of r?.fields ?? []) if (field.dataTypeID === 18) field.dataTypeID = 25;
        return r;
      };
      const last = args.length - 1;
      if (typeof args[last] === "function") {
        const callback = args[last];
        args[last] = (error, r) => callback(error, asText(r));
      }
      const result = super.query(...args);
      return result && typeof result.then === "function" ? result.then(asText) : result;
    }
  }
  const u = new URL(url);
  const config = {
    host: decodeURIComponent(u.hostname),
    port: Number(u.port || 5432),
    user: decodeURIComponent(u.username) || undefined,
    password: decodeURIComponent(u.password) || undefined,
    database: decodeURIComponent(u.pathname.slice(1)) || "postgres",
    Client: CharAsTextClient,
  };
  const admin = async (sql) => {
    const client = new pg.Client({ ...config, Client: undefined });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  const script = async (adapter, sql) => {
    await adapter.underlyingDriver().query(sql);
  };
  const connectToShadowDb = async () => {
    const database = `prisma_shadow_${randomUUID().replace(/-/g, "")}`;
    await admin(`CREATE DATABASE "${database}"`);
    const pool = new pg.Pool({ ...config, database });
    const adapter = await new PrismaPg(pool).connect();
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      await dispose();
      await pool.end().catch(() => {});
      await admin(`DROP DATABASE IF EXISTS "${database}"`);
    };
    return adapter;
  };
  return scriptTolerant(new PrismaPg(new pg.Pool(config), { disposeExternalPool: true }), { script, connectToShadowDb });
}

/** Runs fn(engine, schemaText) with the engine for a provider ("sqlite" or "postgresql"). */
export async function withEngine(fn, { provider = "sqlite", schemaText, postgresUrl } = {}) {
  const { schemaPath: path } = providers[provider];
  const bg = await loadEngine();
  const { bindMigrationAwareSqlAdapterFactory } = await import("@prisma/driver-adapter-utils");
  const factory = provider === "postgresql" ? await postgresFactory(postgresUrl ?? defaultPostgresUrl()) : await sqliteFactory();
  const schema = schemaText ?? readFileSync(path, "utf8");
  const engine = await bg.SchemaEngine.new({ datamodels: [[path, schema]] }, () => {}, bindMigrationAwareSqlAdapterFactory(factory));
  try {
    return await fn(engine, schema);
  } finally {
    engine.free?.();
  }
}

export function defaultPostgresUrl() {
  const fromDatabaseUrl = /^postgres(ql)?:/.test(process.env.DATABASE_URL ?? "") ? process.env.DATABASE_URL : undefined;
  return process.env.MIGRATION_POSTGRES_URL || process.env.TEST_POSTGRES_URL || fromDatabaseUrl;
}

/** Tables a migration creates that Prisma cannot describe: History's FTS5 search index and its shadow tables (SQLite). */
const EXTERNAL_TABLES = ["FlowSearch", "FlowSearch_config", "FlowSearch_content", "FlowSearch_data", "FlowSearch_docsize", "FlowSearch_idx"];

/** SQL that takes a database from a provider's committed migrations to its schema; "" when none is needed. */
export async function pendingSchemaSql({ provider = "sqlite", schemaText, postgresUrl } = {}) {
  const { schemaPath: path, migrationsDir: dir } = providers[provider];
  return withEngine(
    async (engine, schema) => {
      const result = await engine.diff({
        from: { tag: "migrations", ...listMigrations(dir) },
        to: { tag: "schemaDatamodel", files: [{ path, content: schema }] },
        script: true,
        exitCode: true,
        filters: { externalTables: provider === "sqlite" ? EXTERNAL_TABLES : [], externalEnums: [] },
      });
      return result.exitCode === 2 ? (result.stdout ?? "") : "";
    },
    { provider, schemaText, postgresUrl },
  );
}
