// The history's exports, streamed: flows are read in batches along the History's own order
// (newest first, by a keyset on createdAt and id) and each batch is written out before the next
// is read, so an export has no row cap and the memory it takes does not grow with the history.
// A JSON row is the History's own list item, so the JSON export keeps the shape it always had.
import { csvLine } from "@/lib/http/csv";
import { listItemsOf, type FlowListRow } from "@/lib/data/queries/flows";
import { exportBatch, type FlowExportRow, type HistoryFilter } from "@/lib/data/queries/history";

const BATCH = 2_500;
const encoder = new TextEncoder();

/** A row as the History's list has it, for the JSON export's items. */
const withDates = (f: FlowExportRow): FlowListRow => ({ ...f, createdAt: new Date(f.createdAt), finishedAt: f.finishedAt === null ? null : new Date(f.finishedAt) });

export const FLOW_CSV_COLUMNS = ["id", "createdAt", "finishedAt", "type", "status", "externalRef", "transactionId", "userId", "environment", "environmentKind", "startedBy"];

async function* flowBatches(filter: HistoryFilter): AsyncGenerator<FlowExportRow[]> {
  let after: { createdAt: string; id: string } | null = null;
  for (;;) {
    const rows = await exportBatch(filter, after, BATCH);
    if (rows.length) yield rows;
    if (rows.length < BATCH) return;
    const last = rows[rows.length - 1];
    after = { createdAt: last.createdAt, id: last.id };
  }
}

/** A stream that pulls one batch at a time, as fast as the client reads. */
function streamOf(head: string, batches: AsyncGenerator<FlowExportRow[]>, write: (rows: FlowExportRow[], first: boolean) => string | Promise<string>, tail: string): ReadableStream<Uint8Array> {
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
        controller.enqueue(encoder.encode(await write(next.value, first)));
        first = false;
      },
      async cancel() {
        await batches.return(undefined);
      },
    },
    { highWaterMark: 1 },
  );
}

export function flowCsvStream(filter: HistoryFilter): ReadableStream<Uint8Array> {
  return streamOf(
    csvLine(FLOW_CSV_COLUMNS),
    flowBatches(filter),
    (rows) =>
      rows.map((f) => csvLine([f.id, f.createdAt, f.finishedAt, f.type, f.status, f.externalRef, f.transactionId, f.userId, f.environment.name, f.environment.kind, f.startedBy.email])).join(""),
    "",
  );
}

/** `{total, truncated: false, items: [...]}`, the shape the JSON export always had. */
export function flowJsonStream(filter: HistoryFilter, total: number): ReadableStream<Uint8Array> {
  return streamOf(
    `{"total":${total},"truncated":false,"items":[`,
    flowBatches(filter),
    async (rows, first) => (first ? "" : ",") + (await listItemsOf(rows.map(withDates))).map((f) => JSON.stringify(f)).join(","),
    "]}\n",
  );
}
