// Data access for API exchanges, recorded so the record does not grow with watching: following a
// pending flow asks the same questions again and again, and an answer that did not change is
// not news. An exchange identical to the last one recorded for the same method and URL of the
// same flow (same request body, status, answer and error) bumps that row's count and lastAt
// instead of adding a row. A different answer in between starts a new run.
import { db } from "@/lib/data/db";
import type { ApiExchangeRecord } from "@/lib/signicat/client";

const sameExchange = (a: Omit<ApiExchangeRecord, "durationMs" | "traceId">, b: Omit<ApiExchangeRecord, "durationMs" | "traceId">) =>
  a.status === b.status && a.requestBody === b.requestBody && a.responseBody === b.responseBody && a.error === b.error;

export async function recordExchange(exchange: ApiExchangeRecord, environmentId: string, flowId?: string | null): Promise<void> {
  const now = new Date();
  if (flowId) {
    const last = await db.apiExchange.findFirst({
      where: { flowId, method: exchange.method, url: exchange.url },
      orderBy: { lastAt: "desc" },
      select: { id: true, status: true, requestBody: true, responseBody: true, error: true, method: true, url: true },
    });
    if (last && sameExchange(last, exchange)) {
      // The trace id and duration of the latest call: what Signicat's support would ask about.
      await db.apiExchange.update({ where: { id: last.id }, data: { count: { increment: 1 }, lastAt: now, durationMs: exchange.durationMs, traceId: exchange.traceId } });
      return;
    }
  }
  await db.apiExchange.create({ data: { ...exchange, environmentId, flowId: flowId ?? null, createdAt: now, lastAt: now } });
}
