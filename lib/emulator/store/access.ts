// What every bearer request checks before its handler: is the token's client still active, and
// which faults are set for its account. Read from the database on each request (not cached), so
// a revocation or a fault set through another console process applies at once.
import { jsonValue } from "./rows";
import { q, read, type Work } from "./sql";

export function readClientStanding(clientId: string): Promise<{ accountId: string; revoked: boolean } | null> {
  return read(function* (): Work<{ accountId: string; revoked: boolean } | null> {
    const [row] = yield q(`SELECT "accountId", "revokedAt" FROM "EmuClient" WHERE "id" = $1`, clientId);
    return row ? { accountId: String(row.accountId), revoked: row.revokedAt !== null && row.revokedAt !== undefined } : null;
  });
}

export function readFaultRow(accountId: string): Promise<{ latencyMs: number; errorRate: number; paths: string[] } | null> {
  return read(function* (): Work<{ latencyMs: number; errorRate: number; paths: string[] } | null> {
    const [row] = yield q(`SELECT "latencyMs", "errorRate", "paths" FROM "EmuFaultSetting" WHERE "accountId" = $1`, accountId);
    return row ? { latencyMs: Number(row.latencyMs), errorRate: Number(row.errorRate), paths: jsonValue(row.paths) as string[] } : null;
  });
}
