// The driver beside Prisma on both databases: a moment written through one reads the same
// through the other, whatever time zone the server runs in.
import { afterEach, describe, expect, it } from "vitest";
import { db } from "./db";
import { q, read, transact, type Row, type Work } from "./sql";

const zone = process.env.TZ;
afterEach(() => {
  if (zone === undefined) delete process.env.TZ;
  else process.env.TZ = zone;
});

describe("dates through the driver", () => {
  for (const tz of ["America/New_York", "Asia/Kolkata", "UTC"]) {
    it(`stores a moment as UTC, as Prisma does, with the server in ${tz}`, async () => {
      process.env.TZ = tz;
      const at = new Date("2026-12-03T09:30:00.123Z");
      const key = `tz-${tz}-${Date.now()}`;
      await transact(function* () {
        yield q(`INSERT INTO "EmuRateCounter" ("key", "count", "expiresAt") VALUES ($1, 1, $2)`, key, at);
        return null;
      });
      expect((await db.emuRateCounter.findUniqueOrThrow({ where: { key } })).expiresAt.toISOString()).toBe(at.toISOString());
      // And what Prisma wrote, the driver compares and reads as the same moment.
      await db.emuRateCounter.update({ where: { key }, data: { expiresAt: new Date(at.getTime() + 1_000) } });
      const rows = await read(function* (): Work<Row[]> {
        return yield q(`SELECT "expiresAt" FROM "EmuRateCounter" WHERE "key" = $1 AND "expiresAt" > $2`, key, at);
      });
      expect(rows).toHaveLength(1);
      expect(new Date(rows[0].expiresAt as string | Date).toISOString()).toBe("2026-12-03T09:30:01.123Z");
    });
  }
});
