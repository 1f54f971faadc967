// The history's exports, streamed: flows are read in batches along the History's own order
// (newest first, by a keyset on createdAt and id) and each batch is written out before the next
// is read, so an export has no row cap and the memory it takes does not grow with the history.
// Each row is the History's own list item, so the JSON export keeps the shape it always had.
import { csvLine } from "@/lib/http/csv";
import type { Prisma } from "@/lib/generated/prisma/client";
import { listFlowsAfter, type FlowListItem } from "@/lib/data/queries/flows";

const BATCH = 1_000;
const encoder = new TextEncoder();

export const FLOW_CSV_COLUMNS = ["id", "createdAt", "finishedAt", "type", "status", "externalRef", "transactionId", "userId", "environment", "environmentKind", "startedBy"];

async function* flowBatches(where: Prisma.FlowWhereInput): AsyncGenerator<FlowListItem[]> {
  let after: FlowListItem | null = null;
  for (;;) {
    const rows = await listFlowsAfter(where, after, BATCH);
    if (rows.length) yield rows;
    if (rows.length < BATCH) return;
    after = rows[rows.length - 1];
  }
}

/** A stream that pulls one batch at a time, as fast as the client reads. */
function streamOf(head: string, batches: AsyncGenerator<FlowListItem[]>, write: (rows: FlowListItem[], first: boolean) => string, tail: string): ReadableStream<Uint8Array> {
  let first = true;
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        controller.enqueue(encoder.encode(head));
      },
      async pull(controller) {
        const next = await batches.next();
        if (next.done) {
          controller.enqueue(encoder.encode(tail));
          controller.close();
          return;
        }
        controller.enqueue(encoder.encode(write(next.value, first)));
        first = false;
      },
      async cancel() {
        await batches.return(undefined);
      },
    },
    { highWaterMark: 1 },
  );
}

export function flowCsvStream(where: Prisma.FlowWhereInput): ReadableStream<Uint8Array> {
  return streamOf(
    csvLine(FLOW_CSV_COLUMNS),
    flowBatches(where),
    (rows) =>
      rows.map((f) => csvLine([f.id, f.createdAt, f.finishedAt, f.type, f.status, f.externalRef, f.transactionId, f.userId, f.environment.name, f.environment.kind, f.startedBy.email])).join(""),
    "",
  );
}

/** `{total, truncated: false, items: [...]}`, the shape the JSON export always had. */
export function flowJsonStream(where: Prisma.FlowWhereInput, total: number): ReadableStream<Uint8Array> {
  return streamOf(`{"total":${total},"truncated":false,"items":[`, flowBatches(where), (rows, first) => (first ? "" : ",") + rows.map((f) => JSON.stringify(f)).join(","), "]}\n");
}
