// Data access for API exchanges, recorded so the record does not grow with watching: following a
// pending flow asks the same questions again and again, and an answer that did not change is
// not news. An exchange identical to the last one recorded for the same method and URL of the
// same flow (same request body, status, answer and error) bumps that row's count and lastAt
// instead of adding a row. A different answer in between starts a new run.
//
// Through the driver (lib/data/sql.ts), as one unit of work: every call the console makes to
// Signicat is recorded here, the watcher's checks most of all (two per check), and through Prisma
// the two statements took a third of a check's database time, each one prepared again.
import { randomUUID } from "node:crypto";
import { q, transact, type Row, type Work } from "@/lib/data/sql";
import type { ApiExchangeRecord } from "@/lib/signicat/client";

type Compared = Pick<ApiExchangeRecord, "status" | "requestBody" | "responseBody" | "error">;

const sameExchange = (a: Compared, b: Compared) => a.status === b.status && a.requestBody === b.requestBody && a.responseBody === b.responseBody && a.error === b.error;

export async function recordExchange(exchange: ApiExchangeRecord, environmentId: string, flowId?: string | null): Promise<void> {
  const now = new Date();
  await transact(function* (): Work<void> {
    if (flowId) {
      const [last]: Row[] = yield q(
        `SELECT "id", "status", "requestBody", "responseBody", "error" FROM "ApiExchange" WHERE "flowId" = $1 AND "method" = $2 AND "url" = $3 ORDER BY "lastAt" DESC LIMIT 1`,
        flowId,
        exchange.method,
        exchange.url,
      );
      if (last && sameExchange(last as Compared, exchange)) {
        // The trace id and duration of the latest call: what Signicat's support would ask about.
        yield q(`UPDATE "ApiExchange" SET "count" = "count" + 1, "lastAt" = $2, "durationMs" = $3, "traceId" = $4 WHERE "id" = $1`, last.id, now, exchange.durationMs, exchange.traceId);
        return;
      }
    }
    yield q(
      `INSERT INTO "ApiExchange" ("id", "environmentId", "flowId", "method", "url", "status", "durationMs", "traceId", "requestBody", "responseBody", "error", "count", "createdAt", "lastAt")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 1, $12, $12)`,
      randomUUID(),
      environmentId,
      flowId ?? null,
      exchange.method,
      exchange.url,
      exchange.status,
      exchange.durationMs,
      exchange.traceId,
      exchange.requestBody,
      exchange.responseBody,
      exchange.error,
      now,
    );
  });
}
