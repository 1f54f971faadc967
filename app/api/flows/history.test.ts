// The history at more than one batch of rows: the exports stream every flow (no cap, newest
// first, each once), and the text search finds ids exactly and externalRefs by their start.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/data/db";
import { countFlowsByStatus, exportBatch, listFlowStarters, listHistoryPage, type HistoryFilter } from "@/lib/data/queries/history";
import { bootstrap } from "@/lib/setup/bootstrap";
import type { StaffSession } from "@/lib/auth/roles";
import { apiRequest, json, staffWithRole } from "@/lib/testing/console";
import * as list from "./route";
import * as exporter from "./export/route";

const N = 5_345; // more than two of the export's batches (2,500 flows)
let viewer: StaffSession;

beforeAll(async () => {
  await bootstrap();
  viewer = await staffWithRole("viewer");
  const tester = await staffWithRole("tester");
  const env = await db.environment.findFirstOrThrow();
  const t0 = Date.UTC(2026, 0, 1);
  await db.flow.createMany({
    data: Array.from({ length: N }, (_, i) => ({
      id: `flow-${String(i).padStart(5, "0")}`,
      type: i % 3 === 0 ? "stepup" : "onboarding",
      status: i % 2 ? "Completed" : "Failed",
      environmentId: env.id,
      startedById: tester.id,
      externalRef: `cust-${i}`,
      transactionId: `tx-${i}`,
      input: "{}",
      // Pairs share a createdAt, so the keyset must also order by id.
      createdAt: new Date(t0 + Math.floor(i / 2) * 60_000),
    })),
  });
});

const get = async (path: string, handler: (r: Request) => Promise<Response>) => handler(await apiRequest(path, { staff: viewer }));

describe("history exports", () => {
  it("streams every flow as CSV, newest first, each once, past any batch size", async () => {
    const response = await get("/api/flows/export?format=csv", exporter.GET);
    expect(response.status).toBe(200);
    expect(response.headers.get("x-total-count")).toBe(String(N));
    const lines = (await response.text()).trimEnd().split("\r\n");
    expect(lines[0]).toBe("id,createdAt,finishedAt,type,status,externalRef,transactionId,userId,environment,environmentKind,startedBy");
    const ids = lines.slice(1).map((l) => l.split(",")[0]);
    expect(ids).toHaveLength(N);
    expect(new Set(ids).size).toBe(N);
    expect(ids[0]).toBe(`flow-${String(N - 1).padStart(5, "0")}`);
    const times = lines.slice(1).map((l) => l.split(",")[1]);
    expect([...times].sort().reverse()).toEqual(times);
    // The instants as toISOString() writes them, whichever database stored them.
    expect(times[0]).toBe(new Date(Date.UTC(2026, 0, 1) + Math.floor((N - 1) / 2) * 60_000).toISOString());
    expect(times.at(-1)).toBe("2026-01-01T00:00:00.000Z");
    expect(lines.slice(1).every((l) => l.split(",")[2] === "")).toBe(true); // none has finished
  });

  it("pages by keyset through flows that share an instant, also when a batch ends inside such a pair", async () => {
    const filter = { text: { contains: "cust-10" } }; // a hundred flows, in pairs of one createdAt
    const all = (await db.flow.findMany({ where: { externalRef: { contains: "cust-10" } }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: { id: true } })).map((f) => f.id);
    const paged: string[] = [];
    let after: { createdAt: string; id: string } | null = null;
    for (;;) {
      const batch = await exportBatch(filter, after, 3); // odd, so batches end between the two flows of a pair
      paged.push(...batch.map((f) => f.id));
      if (batch.length < 3) break;
      after = { createdAt: batch[batch.length - 1].createdAt, id: batch[batch.length - 1].id };
    }
    expect(paged).toEqual(all);
  });

  it("streams JSON in the shape it always had, and honours the filters", async () => {
    const response = await get("/api/flows/export?format=json&type=stepup", exporter.GET);
    const body = JSON.parse(await response.text());
    const stepups = Math.ceil(N / 3);
    expect(body).toMatchObject({ total: stepups, truncated: false });
    expect(body.items).toHaveLength(stepups);
    expect(body.items.every((f: { type: string }) => f.type === "stepup")).toBe(true);
    expect(body.items[0]).toMatchObject({ environment: { kind: "embedded" }, startedBy: { email: expect.any(String) } });
  });
});

describe("history text search", () => {
  const search = async (q: string) => (await json(await get(`/api/flows?q=${encodeURIComponent(q)}`, list.GET))).body.data;

  it("finds a fragment of an externalRef, a transactionId or a userId, whatever its case", async () => {
    expect((await search("cust-234")).total).toBe(11); // cust-234, cust-2340 … cust-2349
    expect((await search("CUST-234")).total).toBe(11);
    expect((await search("tx-1000")).items.map((f: { externalRef: string }) => f.externalRef)).toEqual(["cust-1000"]);
    expect((await search("st-100")).total).toBe(11); // in the middle: cust-100, cust-1000 … cust-1009
    expect((await search("X-200")).total).toBe(11);
  });

  it("finds one or two characters too, and nothing for a fragment no flow has", async () => {
    const withNine = Array.from({ length: N }, (_, i) => String(i)).filter((i) => i.includes("9")).length;
    expect((await search("9")).total).toBe(withNine);
    expect((await search("-7")).total).toBe(Array.from({ length: N }, (_, i) => String(i)).filter((i) => i.startsWith("7")).length);
    expect((await search("zz")).total).toBe(0);
    expect((await search("nobody-here")).total).toBe(0);
  });
});

describe("history counts", () => {
  type Flow = {
    id: string;
    type: string;
    status: string;
    environmentId: string;
    startedById: string;
    externalRef: string | null;
    userId: string | null;
    transactionId: string | null;
    createdAt: Date;
  };
  /** What a filter means, said once more in plain code over every flow. */
  const selects = (f: HistoryFilter) => (flow: Flow) =>
    (!f.type || flow.type === f.type) &&
    (!f.status || flow.status === f.status) &&
    (!f.environmentId || flow.environmentId === f.environmentId) &&
    (!f.startedById || flow.startedById === f.startedById) &&
    (!f.from || flow.createdAt >= f.from) &&
    (!f.before || flow.createdAt < f.before) &&
    (!f.text ||
      ("ids" in f.text
        ? f.text.ids.includes(flow.id)
        : [flow.externalRef, flow.userId, flow.transactionId].some((v) => v?.toLowerCase().includes((f.text as { contains: string }).contains.toLowerCase()))));

  it("counts per status, and lists in order, what the filter selects, for every kind of filter", async () => {
    const tester = await staffWithRole("tester");
    const env = await db.environment.findFirstOrThrow();
    const flows: Flow[] = await db.flow.findMany({ orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
    const filters: HistoryFilter[] = [
      {},
      { type: "stepup" },
      { status: "Failed" },
      { environmentId: env.id },
      { environmentId: "no-such-environment" },
      { startedById: tester.id, type: "onboarding" },
      { from: new Date(Date.UTC(2026, 0, 1, 2)), before: new Date(Date.UTC(2026, 0, 1, 5)) }, // instants: the flows are counted
      { from: new Date(Date.UTC(2026, 0, 1)), before: new Date(Date.UTC(2026, 0, 2)), type: "onboarding" }, // whole days: the per-day counts
      { from: new Date(Date.UTC(2026, 0, 2)) },
      { before: new Date(Date.UTC(2026, 0, 1)) },
      { text: { contains: "CUST-23" } },
      { text: { contains: "t-100" }, status: "Completed" },
      { text: { contains: "100%" } }, // % and _ are characters to look for, not wildcards
      { text: { contains: "cust_1" } },
      { text: { ids: ["flow-00001", "flow-00002", "flow-00003", "nope"] }, status: "Completed" },
    ];
    for (const filter of filters) {
      const selected = flows.filter(selects(filter));
      const expected: Record<string, number> = {};
      for (const flow of selected) expected[flow.status] = (expected[flow.status] ?? 0) + 1;
      expect(await countFlowsByStatus(filter), JSON.stringify(filter)).toEqual(expected);
      expect(
        (await listHistoryPage(filter, 2, 25)).map((f) => f.id),
        JSON.stringify(filter),
      ).toEqual(selected.slice(25, 50).map((f) => f.id));
    }
    expect(await countFlowsByStatus({ text: { contains: "100%" } })).toEqual({});
    expect(await countFlowsByStatus({ from: new Date(Date.UTC(2026, 0, 1, 2)), before: new Date(Date.UTC(2026, 0, 1, 5)) })).toEqual({ Completed: 180, Failed: 180 });
  });

  it("keeps the per-day counts right through every write of a flow, raw SQL included", async () => {
    const tester = await staffWithRole("tester");
    const env = await db.environment.findFirstOrThrow();
    const day = { from: new Date(Date.UTC(2026, 5, 1)), before: new Date(Date.UTC(2026, 5, 2)) };
    await db.flow.create({
      data: { id: "count-1", type: "onboarding", status: "Pending", environmentId: env.id, startedById: tester.id, input: "{}", createdAt: new Date(Date.UTC(2026, 5, 1, 23, 59)) },
    });
    await db.flow.create({ data: { id: "count-2", type: "onboarding", status: "Pending", environmentId: env.id, startedById: tester.id, input: "{}", createdAt: new Date(Date.UTC(2026, 5, 2)) } });
    expect(await countFlowsByStatus(day)).toEqual({ Pending: 1 });
    await db.flow.update({ where: { id: "count-1" }, data: { status: "Completed" } });
    expect(await countFlowsByStatus(day)).toEqual({ Completed: 1 });
    await db.$executeRawUnsafe(`UPDATE "Flow" SET "status" = 'Failed' WHERE "id" = 'count-1'`);
    expect(await countFlowsByStatus(day)).toEqual({ Failed: 1 });
    await db.flow.update({ where: { id: "count-2" }, data: { createdAt: new Date(Date.UTC(2026, 5, 1, 12)) } });
    expect(await countFlowsByStatus({ ...day, environmentId: env.id, startedById: tester.id })).toEqual({ Failed: 1, Pending: 1 });
    await db.flow.deleteMany({ where: { id: { in: ["count-1", "count-2"] } } });
    expect(await countFlowsByStatus(day)).toEqual({});
    expect(await countFlowsByStatus()).toEqual({ Completed: Math.floor(N / 2), Failed: Math.ceil(N / 2) });
  });

  it("lists as starters the staff who have flows, not those whose flows are all gone", async () => {
    const withFlows = [...new Set((await db.flow.findMany({ select: { startedById: true } })).map((f) => f.startedById))];
    expect(withFlows).toHaveLength(1); // the flows of the test above, by another tester, were deleted
    expect((await listFlowStarters()).map((s) => s.id)).toEqual(withFlows);
  });

  it("gives the page's total from the counts: their sum, or the filtered status's own", async () => {
    const all = (await json(await get("/api/flows", list.GET))).body.data;
    expect(all.total).toBe(N);
    expect(all.counts).toEqual({ Completed: Math.floor(N / 2), Failed: Math.ceil(N / 2) });
    const failed = (await json(await get("/api/flows?status=Failed&type=stepup", list.GET))).body.data;
    expect(failed.total).toBe(failed.counts.Failed);
    expect(failed.items.every((f: { status: string; type: string }) => f.status === "Failed" && f.type === "stepup")).toBe(true);
    expect(failed.counts.Completed).toBeGreaterThan(0); // the status tabs count every status under the other filters
  });
});
