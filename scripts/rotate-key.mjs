// Rotates the console's encryption key: every sealed column (each `…Enc` field of the schema)
// is decrypted with the current key and sealed again with the new one, in ONE transaction. It
// first checks that every stored value opens with the current key and changes nothing otherwise.
//
//   npm run rotate-key -- --new-key <64 hex digits or base64 of 32 bytes>
//   npm run rotate-key -- --generate            (makes a new random key)
//   NEW_CONSOLE_ENCRYPTION_KEY=… npm run rotate-key
//
// The current key is read as the console reads it: CONSOLE_ENCRYPTION_KEY, else the key file
// (CONSOLE_KEY_FILE, default .data/encryption.key). Stop every console instance first: a running
// instance keeps sealing with the key it started with.
import Database from "better-sqlite3";
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { constants, copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { databaseProvider, databaseUrl, sqliteFile } from "./lib/database-url.mjs";

const root = resolve(dirname(new URL(import.meta.url).pathname), "..");

// The stored form of lib/crypto/secret-box.ts, "v1:<iv>:<ciphertext>:<tag>" (base64url, AES-256-GCM);
// scripts/rotate-key.test.ts checks that both read each other.
export function parseKey(text) {
  const trimmed = String(text).trim();
  const key = /^[0-9a-f]{64}$/i.test(trimmed) ? Buffer.from(trimmed, "hex") : Buffer.from(trimmed, "base64");
  if (key.length !== 32) throw new Error("an encryption key must be 32 bytes, as 64 hex digits or base64");
  return key;
}

export function seal(plaintext, key) {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return ["v1", iv.toString("base64url"), body.toString("base64url"), cipher.getAuthTag().toString("base64url")].join(":");
}

export function open(sealed, key) {
  const [version, iv, body, tag] = sealed.split(":");
  if (version !== "v1" || !iv || body === undefined || !tag) throw new Error("not a sealed secret");
  const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
}

/** Every sealed column of the schema: [{ table, column, id }] for each `…Enc` field of a model. */
export function sealedColumns(schemaText = readFileSync(resolve(root, "prisma/schema.prisma"), "utf8")) {
  const columns = [];
  for (const [, table, body] of schemaText.matchAll(/^model\s+(\w+)\s*\{([^}]*)\}/gm)) {
    const fields = body
      .split("\n")
      .map((line) => line.trim().split(/\s+/))
      .filter((parts) => /^\w+$/.test(parts[0] ?? ""));
    const id = fields.find((parts) => parts.includes("@id"))?.[0];
    for (const parts of fields) if (/Enc$/.test(parts[0]) && /^String\??$/.test(parts[1])) columns.push({ table, column: parts[0], id });
  }
  return columns;
}

/** The key the console uses now, and where it came from. */
export function currentKey(env = process.env) {
  if (env.CONSOLE_ENCRYPTION_KEY) return { key: parseKey(env.CONSOLE_ENCRYPTION_KEY), source: "env" };
  const file = resolve(env.CONSOLE_KEY_FILE || ".data/encryption.key");
  if (!existsSync(file)) throw new Error(`no current key: CONSOLE_ENCRYPTION_KEY is not set and ${file} does not exist`);
  return { key: parseKey(readFileSync(file, "utf8")), source: "file", file };
}

/** Opens a database of either kind behind three calls: all rows, an update, and a transaction around a function. */
async function connect(url) {
  if (databaseProvider(url) === "sqlite") {
    const db = new Database(sqliteFile(url));
    db.pragma("busy_timeout = 10000");
    return {
      rows: async (sql) => db.prepare(sql).all(),
      update: async (sql, args) => db.prepare(sql.replace(/\$\d+/g, "?")).run(...args),
      transaction: async (fn) => {
        db.exec("BEGIN IMMEDIATE");
        try {
          await fn();
          db.exec("COMMIT");
        } catch (error) {
          db.exec("ROLLBACK");
          throw error;
        }
      },
      forUpdate: "",
      close: async () => db.close(),
    };
  }
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return {
    rows: async (sql) => (await client.query(sql)).rows,
    update: async (sql, args) => client.query(sql, args),
    transaction: async (fn) => {
      await client.query("BEGIN");
      try {
        await fn();
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw error;
      }
    },
    forUpdate: " FOR UPDATE",
    close: () => client.end(),
  };
}

export class RotationRefused extends Error {}

/** Re-seals every stored secret with newKey in one transaction; returns how many values per column. */
export async function rotateKey({ url = databaseUrl(), oldKey, newKey, log = () => {} }) {
  if (oldKey.equals(newKey)) throw new RotationRefused("the new key is the current key");
  const db = await connect(url);
  const counts = {};
  try {
    await db.transaction(async () => {
      const work = [];
      const unreadable = [];
      for (const { table, column, id } of sealedColumns()) {
        const rows = await db.rows(`SELECT "${id}" AS id, "${column}" AS value FROM "${table}" WHERE "${column}" IS NOT NULL${db.forUpdate}`);
        counts[`${table}.${column}`] = rows.length;
        for (const row of rows) {
          try {
            work.push({ table, column, idColumn: id, id: row.id, plaintext: open(row.value, oldKey) });
          } catch {
            unreadable.push(`${table}.${column} ${id}=${row.id}`);
          }
        }
      }
      if (unreadable.length) {
        throw new RotationRefused(`${unreadable.length} stored secret(s) do not open with the current key, nothing was changed:\n  ${unreadable.slice(0, 20).join("\n  ")}`);
      }
      for (const item of work) {
        await db.update(`UPDATE "${item.table}" SET "${item.column}" = $1 WHERE "${item.idColumn}" = $2`, [seal(item.plaintext, newKey), item.id]);
      }
      log(
        `re-encrypted ${work.length} secret(s): ${Object.entries(counts)
          .map(([k, n]) => `${k} ${n}`)
          .join(", ")}`,
      );
    });
  } finally {
    await db.close();
  }
  return counts;
}

/** Where the new key is kept when the current one comes from CONSOLE_ENCRYPTION_KEY: NEW_KEY_FILE, or beside the key file. */
function newKeyFile(env = process.env) {
  if (env.NEW_KEY_FILE) return resolve(env.NEW_KEY_FILE);
  return resolve(dirname(resolve(env.CONSOLE_KEY_FILE || ".data/encryption.key")), `new-encryption-key-${new Date().toISOString().replace(/\D/g, "").slice(0, 14)}`);
}

function argument(name) {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main() {
  const generated = process.argv.includes("--generate") ? randomBytes(32).toString("hex") : undefined;
  const newKeyText = argument("--new-key") ?? process.env.NEW_CONSOLE_ENCRYPTION_KEY ?? generated;
  if (!newKeyText) {
    console.error("usage: npm run rotate-key -- --new-key <64 hex digits>   (or --generate, or NEW_CONSOLE_ENCRYPTION_KEY)");
    process.exit(2);
  }
  const newKey = parseKey(newKeyText);
  const current = currentKey();
  const url = databaseUrl();
  console.log(`rotating the encryption key of ${databaseProvider(url)} database ${url.replace(/\/\/[^@/]*@/, "//…@")}`);
  const hex = newKey.toString("hex");
  // The new key is stored (or shown) before the database commits, so a crash in between never
  // leaves secrets sealed with a key that exists nowhere.
  const usesFile = current.source === "file" && !process.env.CONSOLE_ENCRYPTION_KEY;
  const pending = usesFile ? `${current.file}.new` : null;
  // With CONSOLE_ENCRYPTION_KEY the new key usually arrives as --new-key "$(openssl rand …)" and
  // was never shown: it goes into a file only this user can read before anything commits.
  const keptIn = usesFile ? null : newKeyFile();
  if (pending) writeFileSync(pending, hex + "\n", { mode: 0o600 });
  else {
    mkdirSync(dirname(keptIn), { recursive: true });
    writeFileSync(keptIn, hex + "\n", { mode: 0o600, flag: "wx" });
    console.log(`the new key is in ${keptIn} (readable only by you)`);
  }
  try {
    await rotateKey({ url, oldKey: current.key, newKey, log: console.log });
  } catch (error) {
    if (pending) rmSync(pending, { force: true }); // nothing was committed: the old key stays the key
    if (keptIn) rmSync(keptIn, { force: true });
    throw error;
  }
  console.log("\nDone: every stored secret is now sealed with the new key. Next:");
  if (pending) {
    const saved = `${current.file}.replaced-${new Date().toISOString().replace(/\D/g, "")}`;
    copyFileSync(current.file, saved, constants.COPYFILE_EXCL);
    renameSync(pending, current.file);
    console.log(`  - ${current.file} now holds the new key; the old one is in ${saved}.`);
    console.log("    Keep the old key with the backups taken before now (they need it), then delete that file.");
    console.log("  - Every instance with its own copy of the key file needs the new one.");
  } else {
    console.log(`  - Set CONSOLE_ENCRYPTION_KEY to the key in ${keptIn} on every instance (your secret store, env file or unit), then delete that file.`);
    console.log("  - Keep the old key with the backups taken before now: they need it.");
  }
  console.log("  - Start the instances again. Until they restart they still seal new secrets with the old key.");
  if (!process.env.NEXTAUTH_SECRET) console.log("  - NEXTAUTH_SECRET is not set, so it derives from the key: staff are signed out and sign in again.");
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error) => {
    console.error(error instanceof RotationRefused ? `refused: ${error.message}` : `failed: ${error.message}`);
    process.exit(1);
  });
}
