// The audit trail through its route handlers: who may read it, filters, paging, the
// CSV and JSON export, and the database refusing any change to an entry.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/data/db";
import type { AuditAction } from "@/lib/audit/actions";
import { recordAudit } from "@/lib/audit/record";
import type { StaffSession } from "@/lib/auth/roles";
import { apiRequest, json, staffWithRole } from "@/lib/testing/console";
import * as list from "./route";
import * as exporter from "./export/route";

let admin: StaffSession;
let support: StaffSession;

beforeAll(async () => {
  admin = await staffWithRole("admin");
  support = await staffWithRole("support");
  const at = (iso: string) => new Date(iso);
  const base = { actorId: admin.id, actorEmail: admin.email, actorRole: "admin" };
  await db.auditEntry.createMany({
    data: [
      { ...base, action: "fixture.old", target: "jan-1", outcome: "ok", createdAt: at("2020-01-01T10:00:00Z") },
      { ...base, action: "fixture.old", target: "jan-2", outcome: "error", createdAt: at("2020-01-02T23:59:00Z"), traceId: "trace-abc" },
      { ...base, action: "fixture.old", target: "jan-3", outcome: "ok", createdAt: at("2020-01-03T00:00:00Z") },
      ...Array.from({ length: 60 }, (_, i) => ({
        ...base,
        action: "fixture.bulk",
        target: `bulk-${String(i).padStart(2, "0")}`,
        outcome: "ok",
        createdAt: at(`2021-01-01T00:${String(i).padStart(2, "0")}:00Z`),
      })),
    ],
  });
  await recordAudit({ actor: support, action: "fixture.tricky" as AuditAction, target: '=HYPERLINK("x"), with "quotes"\nand a newline', reason: "support's, reason", outcome: "ok" });
});

const get = async (query: string, staff: StaffSession | null = admin) => json(await list.GET(await apiRequest(`/api/audit${query}`, { staff })));
const download = async (query: string, staff: StaffSession = admin) => exporter.GET(await apiRequest(`/api/audit/export${query}`, { staff }));

/** A small RFC 4180 reader, to check the export the way a spreadsheet reads it. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(cell);
      cell = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      i++;
    } else cell += c;
  }
  return rows;
}

describe("audit API", () => {
  it("names the action with its verb and the target with the person and a link", async () => {
    const env = { id: "env-audit-names" }; // EndUser and AuditEntry keep the id as text: no environment row is needed
    await db.endUser.create({ data: { environmentId: env.id, userId: "audit-user-1", firstName: "JANE", lastName: "SMITH", externalRef: "cust-77" } });
    await db.endUser.create({ data: { environmentId: env.id, userId: "audit-user-2", externalRef: "cust-78" } });
    await recordAudit({ actor: support, action: "device.action", target: "device audit-dev-1 of user audit-user-1", environmentId: env.id, reason: "stolen", outcome: "ok", detail: "lock" });
    await recordAudit({ actor: support, action: "user.action", target: "user audit-user-2", environmentId: env.id, reason: "asked", outcome: "ok", detail: "delete" });
    const { body } = await get("?target=audit-user");
    // Both are written within a millisecond or two: taken by target, not by their order in the page.
    const items = body.data.items as { target: string }[];
    const locked = items.find((e) => e.target.startsWith("device audit-dev-1"));
    const deleted = items.find((e) => e.target === "user audit-user-2");
    expect(items).toHaveLength(2);
    expect(locked).toMatchObject({ actionLabel: "Locked device", targetLabel: "device of JANE SMITH", targetHref: `/users/audit-user-1?environmentId=${env.id}` });
    expect(deleted).toMatchObject({ actionLabel: "Deleted user", targetLabel: "cust-78", targetHref: `/users/audit-user-2?environmentId=${env.id}` });
  });

  it("is for admins and support", async () => {
    expect((await get("")).status).toBe(200);
    expect((await get("", support)).status).toBe(200);
    expect((await get("", null)).status).toBe(401);
    for (const who of ["tester", "viewer"] as const) {
      const staff = await staffWithRole(who);
      expect((await get("", staff)).status).toBe(403);
      expect((await download("?format=csv", staff)).status).toBe(403);
    }
  });

  it("pages 50 at a time, newest first", async () => {
    const first = await get("?action=fixture.bulk");
    expect(first.body.data).toMatchObject({ total: 60, page: 1, pageSize: 50 });
    expect(first.body.data.items).toHaveLength(50);
    expect(first.body.data.items[0].target).toBe("bulk-59");
    const second = await get("?action=fixture.bulk&page=2");
    expect(second.body.data.items.map((e: { target: string }) => e.target)).toEqual(Array.from({ length: 10 }, (_, i) => `bulk-${String(9 - i).padStart(2, "0")}`));
  });

  it("filters by actor, outcome, target text and whole UTC days", async () => {
    const targets = async (q: string) => (await get(q)).body.data.items.map((e: { target: string }) => e.target);
    expect(await targets("?action=fixture.old&from=2020-01-02&to=2020-01-02")).toEqual(["jan-2"]);
    expect(await targets("?action=fixture.old&from=2020-01-02")).toEqual(["jan-3", "jan-2"]);
    expect(await targets("?action=fixture.old&to=2020-01-01")).toEqual(["jan-1"]);
    expect(await targets("?action=fixture.old&outcome=error")).toEqual(["jan-2"]);
    expect(await targets("?target=jan-&outcome=ok")).toEqual(["jan-3", "jan-1"]);
    expect((await get(`?actor=${encodeURIComponent(support.email.toUpperCase())}`)).body.data.items.map((e: { action: string }) => e.action)).toContain("fixture.tricky");
    expect((await get("?actor=&outcome=&page=")).status).toBe(200);
    const bad = await get("?from=yesterday&outcome=maybe");
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(["from", "outcome"]);
  });

  it("exports the filtered view as CSV that a spreadsheet reads back exactly, and records the export", async () => {
    const response = await download("?format=csv&action=fixture.tricky");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="audit-\d{14}\.csv"$/);
    const rows = parseCsv((await response.text()).replace(/^\uFEFF/, ""));
    expect(rows[0]).toEqual(["time", "actor_email", "actor_role", "action", "target", "environment_id", "environment_name", "reason", "outcome", "trace_id", "detail", "client_address", "id"]);
    expect(rows).toHaveLength(2);
    const row = Object.fromEntries(rows[0].map((k, i) => [k, rows[1][i]]));
    expect(row).toMatchObject({ actor_email: support.email, actor_role: "support", action: "fixture.tricky", reason: "support's, reason", outcome: "ok" });
    expect(row.target).toBe(`'=HYPERLINK("x"), with "quotes"\nand a newline`); // defused formula, intact text

    const entry = await db.auditEntry.findFirstOrThrow({ where: { action: "audit.export" }, orderBy: { createdAt: "desc" } });
    expect(entry).toMatchObject({ actorEmail: admin.email, outcome: "ok", target: "action=fixture.tricky", detail: "csv, 1 entries" });
  });

  it("exports JSON with the same filters", async () => {
    const response = await download("?format=json&action=fixture.old&outcome=error", support);
    expect(response.headers.get("content-disposition")).toMatch(/\.json"$/);
    const body = await response.json();
    expect(body.meta).toMatchObject({ count: 1, truncated: false, maxRows: 10_000 });
    expect(body.data[0]).toMatchObject({ target: "jan-2", traceId: "trace-abc", actorEmail: admin.email });
    expect((await download("?format=xml")).status).toBe(400);
  });
});

describe("the audit trail is append-only", () => {
  it("refuses UPDATE and DELETE in the database itself", async () => {
    const entry = await db.auditEntry.findFirstOrThrow();
    await expect(db.$executeRaw`UPDATE "AuditEntry" SET "outcome" = 'ok', "reason" = 'rewritten' WHERE "id" = ${entry.id}`).rejects.toThrow(/append-only/);
    await expect(db.$executeRaw`DELETE FROM "AuditEntry" WHERE "id" = ${entry.id}`).rejects.toThrow(/append-only/);
    await expect(db.auditEntry.deleteMany({})).rejects.toThrow(/append-only/);
    await expect(db.auditEntry.update({ where: { id: entry.id }, data: { reason: "x" } })).rejects.toThrow(/append-only/);
    expect(await db.auditEntry.findUniqueOrThrow({ where: { id: entry.id } })).toEqual(entry);
  });
});
