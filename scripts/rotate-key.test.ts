// Key rotation on the test database (SQLite, or PostgreSQL in the TEST_DATABASE=postgresql run).
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/data/db";
import { bootstrap } from "@/lib/setup/bootstrap";
import { encryptionKey, encryptSecret } from "@/lib/crypto/encryption-key";
import { open as openTs, seal as sealTs } from "@/lib/crypto/secret-box";
// @ts-expect-error plain ES module without types
import { open, RotationRefused, rotateKey, seal, sealedColumns } from "./rotate-key.mjs";

type Column = { table: string; column: string; id: string };

/** The key the test database's secrets are sealed with after the in-process rotation below. */
let sealedWith: Buffer;

async function sealedValues(): Promise<Record<string, string>> {
  const values: Record<string, string> = {};
  for (const { table, column, id } of sealedColumns() as Column[]) {
    const rows = await db.$queryRawUnsafe<{ id: string; value: string }[]>(`SELECT "${id}" AS id, "${column}" AS value FROM "${table}" WHERE "${column}" IS NOT NULL`);
    for (const row of rows) values[`${table}.${column}.${row.id}`] = row.value;
  }
  return values;
}

beforeAll(async () => {
  await bootstrap(); // the Local emulator environment and the emulator account
  await db.emuSigningKey.create({ data: { kid: "rotation-kid", publicJwk: "{}", privateJwkEnc: encryptSecret("private jwk") } });
  await db.emuDevice.create({ data: { id: "rotation-device", accountId: "a", userId: "u", deviceName: "d", deviceHash: "h", publicKey: "{}", simulatorKeyEnc: encryptSecret("device key") } });
  await db.emuEventSubscription.create({ data: { id: "rotation-sub", accountId: "a", url: "http://127.0.0.1/", secretEnc: encryptSecret("hmac secret"), events: "[]" } });
});

describe("rotate-key", () => {
  it("seals the way lib/crypto/secret-box does, both ways", () => {
    const key = randomBytes(32);
    expect(openTs(seal("from the script", key), key)).toBe("from the script");
    expect(open(sealTs("from the console", key), key)).toBe("from the console");
  });

  it("finds every sealed column of the schema", () => {
    const names = (sealedColumns() as Column[]).map((c) => `${c.table}.${c.column}`);
    expect(names).toEqual(
      expect.arrayContaining(["Environment.clientSecretEnc", "EmuAccount.appPrivateKeyEnc", "EmuSigningKey.privateJwkEnc", "EmuDevice.simulatorKeyEnc", "EmuEventSubscription.secretEnc"]),
    );
    expect((sealedColumns() as Column[]).every((c) => c.id)).toBe(true);
  });

  it("refuses, changing nothing, when a stored secret does not open with the current key", async () => {
    const stray = await db.emuDevice.create({ data: { id: "stray", accountId: "a", userId: "u", deviceName: "d", deviceHash: "h", publicKey: "{}", simulatorKeyEnc: sealTs("x", randomBytes(32)) } });
    const before = await sealedValues();
    await expect(rotateKey({ oldKey: encryptionKey(), newKey: randomBytes(32) })).rejects.toThrow(RotationRefused);
    await expect(rotateKey({ oldKey: encryptionKey(), newKey: randomBytes(32) })).rejects.toThrow(/EmuDevice\.simulatorKeyEnc id=stray/);
    expect(await sealedValues()).toEqual(before);
    await db.emuDevice.delete({ where: { id: stray.id } });
  });

  it("re-seals every stored secret with the new key in one go", async () => {
    const oldKey = encryptionKey();
    const newKey = randomBytes(32);
    const before = await sealedValues();
    expect(Object.keys(before).length).toBeGreaterThanOrEqual(5);
    const counts = await rotateKey({ oldKey, newKey });
    sealedWith = newKey;
    expect(Object.values(counts as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(Object.keys(before).length);
    const after = await sealedValues();
    expect(Object.keys(after)).toEqual(Object.keys(before));
    for (const [where, value] of Object.entries(after)) {
      expect(value).not.toBe(before[where]);
      expect(openTs(value, newKey)).toBe(openTs(before[where], oldKey));
      expect(() => openTs(value, oldKey)).toThrow();
    }
  });

  it("keeps a --new-key given with CONSOLE_ENCRYPTION_KEY in a file only its user reads, and says where, instead of printing a placeholder", () => {
    const dir = mkdtempSync(join(tmpdir(), "rotate-key-"));
    const newKey = randomBytes(32).toString("hex");
    const keptIn = join(dir, "new.key");
    const run = spawnSync(process.execPath, ["scripts/rotate-key.mjs", "--new-key", newKey], {
      env: { ...process.env, CONSOLE_ENCRYPTION_KEY: sealedWith.toString("hex"), NEW_KEY_FILE: keptIn, NEXTAUTH_SECRET: "x".repeat(40) },
      encoding: "utf8",
    });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).not.toContain("<the new key>");
    expect(run.stdout).toContain(`the new key is in ${keptIn}`);
    expect(run.stdout).toContain(`Set CONSOLE_ENCRYPTION_KEY to the key in ${keptIn}`);
    expect(readFileSync(keptIn, "utf8").trim()).toBe(newKey);
    expect(statSync(keptIn).mode & 0o777).toBe(0o600);
  });
});
