// Staff admin through the route handlers on a real SQLite database: who may, field-level
// errors, the audit entries with their reasons, and the last active admin who cannot go.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/data/db";
import type { StaffSession } from "@/lib/auth/roles";
import { changeStaffUser } from "@/lib/staff/accounts";
import { apiRequest, json, routeParams, staffWithRole } from "@/lib/testing/console";
import * as flows from "@/app/api/flows/route";
import * as list from "./route";
import * as role from "./[id]/role/route";
import * as deactivate from "./[id]/deactivate/route";
import * as reactivate from "./[id]/reactivate/route";

let admin: StaffSession;
let tester: StaffSession;

beforeAll(async () => {
  admin = await staffWithRole("admin");
  tester = await staffWithRole("tester");
});

const newUser = { name: "Tess Tester", email: "Tess@Example.test", password: "long-enough-pw", role: "tester", reason: "joins the QA team" };
const setRole = async (id: string, body: unknown, staff = admin) => json(await role.PUT(await apiRequest(`/api/staff/${id}/role`, { method: "PUT", json: body, staff }), routeParams({ id })));
const setActive = async (id: string, active: boolean, reason = "leaves the team", staff = admin) =>
  json(await (active ? reactivate : deactivate).POST(await apiRequest(`/api/staff/${id}/x`, { json: { reason }, staff }), routeParams({ id })));

/** Leaves `keep` as the only active admin of this test's database. */
async function onlyActiveAdmin(keep: StaffSession) {
  for (const other of await db.staffUser.findMany({ where: { role: "admin", active: true, id: { not: keep.id } } })) {
    await changeStaffUser(other.id, { role: "viewer" });
  }
}

describe("staff admin API", () => {
  it("is for admins only", async () => {
    expect((await list.GET(await apiRequest("/api/staff"))).status).toBe(401);
    for (const who of ["support", "tester", "viewer"] as const) {
      const staff = await staffWithRole(who);
      expect((await list.GET(await apiRequest("/api/staff", { staff }))).status).toBe(403);
      expect((await list.POST(await apiRequest("/api/staff", { json: newUser, staff }))).status).toBe(403);
      expect((await setRole(tester.id, { role: "admin", reason: "let me in" }, staff)).status).toBe(403);
    }
    expect(await db.staffUser.count({ where: { email: "tess@example.test" } })).toBe(0);
    expect(await db.auditEntry.count({ where: { action: "staff.role.change", outcome: "error", detail: { contains: "refused" } } })).toBe(3);
    const listed = await json(await list.GET(await apiRequest("/api/staff", { staff: admin })));
    expect(listed.status).toBe(200);
    expect(listed.body.data.map((u: { email: string }) => u.email)).toContain(admin.email);
    expect(JSON.stringify(listed.body)).not.toContain("passwordHash");
  });

  it("explains bad input field by field and creates nothing", async () => {
    const before = await db.staffUser.count();
    const bad = await json(await list.POST(await apiRequest("/api/staff", { json: { name: "", email: "nope", password: "short", role: "owner", reason: "x" }, staff: admin })));
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toMatchObject({
      name: "Enter a name.",
      email: "Enter a valid email address.",
      password: "Use at least 10 characters.",
      role: "Choose a role.",
      reason: "Say why, in at least 3 characters.",
    });
    expect(await db.staffUser.count()).toBe(before);
  });

  it("adds a staff user, records who and why without the password, and refuses the same email twice", async () => {
    const created = await json(await list.POST(await apiRequest("/api/staff", { json: newUser, staff: admin })));
    expect(created.status).toBe(201);
    expect(created.body.data).toMatchObject({ email: "tess@example.test", name: "Tess Tester", role: "tester", active: true });
    const entry = await db.auditEntry.findFirstOrThrow({ where: { action: "staff.create", outcome: "ok" } });
    expect(entry).toMatchObject({ actorEmail: admin.email, actorRole: "admin", target: "tess@example.test", reason: "joins the QA team" });
    expect(JSON.stringify(await db.auditEntry.findMany())).not.toContain(newUser.password);

    const again = await json(await list.POST(await apiRequest("/api/staff", { json: { ...newUser, email: " tess@example.TEST " }, staff: admin })));
    expect(again.status).toBe(409);
    expect(again.body.error.fields.email).toMatch(/exists/);
  });

  it("changes a role with a reason and records from what to what", async () => {
    const user = await staffWithRole("viewer");
    const noReason = await setRole(user.id, { role: "support" });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.fields.reason).toBe("Say why.");
    const changed = await setRole(user.id, { role: "support", reason: "covers the help desk" });
    expect(changed.status).toBe(200);
    expect(changed.body.data.role).toBe("support");
    const entry = await db.auditEntry.findFirstOrThrow({ where: { action: "staff.role.change", outcome: "ok", target: user.email } });
    expect(entry).toMatchObject({ actorEmail: admin.email, reason: "covers the help desk", detail: "viewer → support" });
    expect((await setRole(user.id, { role: "support", reason: "again" })).status).toBe(409);
    expect((await setRole("no-such-id", { role: "support", reason: "who?" })).status).toBe(404);
  });

  it("ends a deactivated user's session at once and lets them sign in again after reactivation", async () => {
    const user = await staffWithRole("tester");
    const asUser = async () => (await flows.GET(await apiRequest("/api/flows", { staff: user }))).status;
    expect(await asUser()).toBe(200);
    expect((await setActive(user.id, false)).status).toBe(200);
    expect(await asUser()).toBe(401);
    expect((await setActive(user.id, false)).status).toBe(409);
    expect((await setActive(user.id, true, "back from leave")).status).toBe(200);
    expect(await asUser()).toBe(200);
    const trail = await db.auditEntry.findMany({ where: { target: user.email, outcome: "ok" }, orderBy: { createdAt: "asc" } });
    expect(trail.map((e) => [e.action, e.reason])).toEqual([
      ["staff.deactivate", "leaves the team"],
      ["staff.reactivate", "back from leave"],
    ]);
  });

  it("refuses to demote or deactivate the last active admin", async () => {
    const last = await staffWithRole("admin");
    await onlyActiveAdmin(last);
    const demote = await setRole(last.id, { role: "viewer", reason: "demo" }, last);
    expect(demote.status).toBe(409);
    expect(demote.body.error).toMatchObject({ code: "last_admin" });
    expect(demote.body.error.message).toMatch(/last active admin/);
    const off = await setActive(last.id, false, "going away", last);
    expect(off.status).toBe(409);
    expect(off.body.error.code).toBe("last_admin");
    expect(await db.staffUser.findUniqueOrThrow({ where: { id: last.id } })).toMatchObject({ role: "admin", active: true });
    expect(await db.auditEntry.count({ where: { target: last.email, outcome: "error", detail: { contains: "last active admin" } } })).toBe(2);

    // With a second admin, the first may step down.
    const second = await staffWithRole("admin");
    expect((await setRole(last.id, { role: "support", reason: "hands over to a colleague" }, last)).status).toBe(200);
    expect((await setRole(second.id, { role: "viewer", reason: "demo" }, second)).status).toBe(409);
    admin = second;
  });

  it("lets only one of two admins demoting each other at once succeed", async () => {
    const a = await staffWithRole("admin");
    const b = await staffWithRole("admin");
    await onlyActiveAdmin(a);
    await changeStaffUser(b.id, { role: "admin" }).catch(() => {}); // b was demoted by onlyActiveAdmin
    expect(await db.staffUser.count({ where: { role: "admin", active: true } })).toBe(2);
    const results = await Promise.allSettled([changeStaffUser(a.id, { role: "viewer" }), changeStaffUser(b.id, { active: false })]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason.code).toBe("last_admin");
    expect(await db.staffUser.count({ where: { role: "admin", active: true } })).toBe(1);
  });

  it("never deletes a staff user: there is no handler for it and the audit trail holds on to them", async () => {
    expect(Object.keys(list)).not.toContain("DELETE");
    const user = await staffWithRole("viewer");
    await setRole(user.id, { role: "tester", reason: "referenced by the trail" });
    await db.auditEntry.create({ data: { actorId: user.id, actorEmail: user.email, actorRole: "tester", action: "test.reference", outcome: "ok" } });
    await expect(db.staffUser.delete({ where: { id: user.id } })).rejects.toThrow(/foreign key|append-only/i);
  });
});
