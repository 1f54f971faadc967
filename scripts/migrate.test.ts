// The SQLite runner applies Prisma's table rebuilds (DROP + rename) without firing
// ON DELETE CASCADE on the children, as `prisma migrate` does.
import Database from "better-sqlite3";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
// @ts-expect-error plain ES module without types
import { migrate } from "./migrate.mjs";

const m = (name: string, sql: string) => ({ name, sql, checksum: name });

describe("SQLite migrations", () => {
  it("keep child rows when a parent table is rebuilt", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "migrate-")), "t.db");
    const url = `file:${file}`;
    await migrate({
      url,
      log: () => {},
      migrations: [
        m(
          "1_init",
          `CREATE TABLE "Parent" ("id" TEXT PRIMARY KEY);
CREATE TABLE "Child" ("id" TEXT PRIMARY KEY, "parentId" TEXT NOT NULL, FOREIGN KEY ("parentId") REFERENCES "Parent" ("id") ON DELETE CASCADE);
INSERT INTO "Parent" VALUES ('p1'); INSERT INTO "Child" VALUES ('c1', 'p1');`,
        ),
      ],
    });
    await migrate({
      url,
      log: () => {},
      migrations: [
        m("1_init", ""),
        m(
          "2_rebuild",
          `CREATE TABLE "new_Parent" ("id" TEXT PRIMARY KEY, "name" TEXT);
INSERT INTO "new_Parent" ("id") SELECT "id" FROM "Parent";
DROP TABLE "Parent";
ALTER TABLE "new_Parent" RENAME TO "Parent";`,
        ),
      ],
    });
    const db = new Database(file);
    expect(db.prepare(`SELECT count(*) AS n FROM "Child"`).get()).toEqual({ n: 1 });
    expect(db.pragma("foreign_keys", { simple: true })).toBe(1);
    db.close();
  });
});
