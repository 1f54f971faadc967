// What every bearer request checks before its handler: is the token's client still active, and
// which faults are set for its account. Read from the database on each request (not cached), so
// a revocation or a fault set through another console process applies at once.
import { jsonValue } from "./rows";
import { q, read, readNow, type Work } from "@/lib/data/sql";
import type { Maybe } from "@/lib/maybe";

type FaultRow = { latencyMs: number; errorRate: number; paths: string[] };

const faultFrom = (row: Record<string, unknown>): FaultRow => ({ latencyMs: Number(row.latencyMs), errorRate: Number(row.errorRate), paths: jsonValue(row.paths) as string[] });

export function readClientStanding(clientId: string): Promise<{ accountId: string; revoked: boolean } | null> {
  return read(function* (): Work<{ accountId: string; revoked: boolean } | null> {
    const [row] = yield q(`SELECT "accountId", "revokedAt" FROM "EmuClient" WHERE "id" = $1`, clientId);
    return row ? { accountId: String(row.accountId), revoked: row.revokedAt !== null && row.revokedAt !== undefined } : null;
  });
}

/** Both checks of a bearer request in one statement: the client's standing and its account's faults (null: none set); on SQLite at once. */
export function readCallerStanding(clientId: string): Maybe<{ accountId: string; revoked: boolean; faults: FaultRow | null } | null> {
  return readNow(function* (): Work<{ accountId: string; revoked: boolean; faults: FaultRow | null } | null> {
    const [row] = yield q(
      `SELECT c."accountId", c."revokedAt", f."accountId" AS "faultAccountId", f."latencyMs", f."errorRate", f."paths"
        FROM "EmuClient" c LEFT JOIN "EmuFaultSetting" f ON f."accountId" = c."accountId" WHERE c."id" = $1`,
      clientId,
    );
    if (!row) return null;
    return { accountId: String(row.accountId), revoked: row.revokedAt !== null && row.revokedAt !== undefined, faults: row.faultAccountId == null ? null : faultFrom(row) };
  });
}

export function readFaultRow(accountId: string): Promise<FaultRow | null> {
  return read(function* (): Work<FaultRow | null> {
    const [row] = yield q(`SELECT "latencyMs", "errorRate", "paths" FROM "EmuFaultSetting" WHERE "accountId" = $1`, accountId);
    return row ? faultFrom(row) : null;
  });
}
