// Server-side staff sessions through the route handlers on a real database (issue 9, item 4):
// a copied cookie stops working the moment its session ends, however it ends.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/data/db";
import type { StaffSession } from "@/lib/auth/roles";
import { authOptions } from "@/lib/auth/options";
import { startStaffSession } from "@/lib/auth/staff-sessions";
import { apiRequest, json, routeParams, sessionCookie, staffWithRole } from "@/lib/testing/console";
import { authenticateStaff } from "@/lib/staff/accounts";
import * as flows from "@/app/api/flows/route";
import * as ownPassword from "@/app/api/account/password/route";
import * as role from "./[id]/role/route";
import * as deactivate from "./[id]/deactivate/route";
import * as reactivate from "./[id]/reactivate/route";
import * as reset from "./[id]/password/route";

let admin: StaffSession;

beforeAll(async () => {
  admin = await staffWithRole("admin");
});

/** A request carrying exactly this cookie, as a copied cookie would. */
const withCookie = (path: string, cookie: string, init: { json?: unknown } = {}) =>
  new Request(`http://console.test${path}`, {
    method: init.json ? "POST" : "GET",
    headers: { cookie, ...(init.json ? { "content-type": "application/json" } : {}) },
    body: init.json ? JSON.stringify(init.json) : undefined,
  });
const listFlows = async (cookie: string) => (await flows.GET(withCookie("/api/flows", cookie))).status;
const asAdmin = async (handler: typeof deactivate.POST, id: string, body: unknown) => json(await handler(await apiRequest(`/api/staff/${id}/x`, { json: body, staff: admin }), routeParams({ id })));

describe("server-side sessions", () => {
  it("sign-out ends the session on the server: the same cookie is refused at once, and it is audited", async () => {
    const tester = await staffWithRole("tester");
    const sid = await startStaffSession(tester.id);
    const cookie = await sessionCookie(tester, sid);
    expect(await listFlows(cookie)).toBe(200);
    await authOptions().events!.signOut!({ token: { sub: tester.id, sid }, session: undefined as never });
    expect(await listFlows(cookie)).toBe(401);
    expect(await db.staffSession.findUniqueOrThrow({ where: { id: sid } })).toMatchObject({ endReason: "signed out" });
    expect(await db.auditEntry.count({ where: { action: "staff.signout", actorId: tester.id } })).toBe(1);
  });

  it("deactivation, reactivation and a role change end that person's sessions; an old cookie does not come back", async () => {
    const tester = await staffWithRole("tester");
    const before = await sessionCookie(tester);
    expect((await asAdmin(deactivate.POST, tester.id, { reason: "leaves" })).status).toBe(200);
    expect(await listFlows(before)).toBe(401);
    expect((await asAdmin(reactivate.POST, tester.id, { reason: "is back" })).status).toBe(200);
    expect(await listFlows(before)).toBe(401); // reactivation does not revive the old cookie

    const fresh = await sessionCookie(tester);
    expect(await listFlows(fresh)).toBe(200);
    const changed = await json(
      await role.PUT(await apiRequest(`/api/staff/${tester.id}/role`, { method: "PUT", json: { role: "viewer", reason: "moves" }, staff: admin }), routeParams({ id: tester.id })),
    );
    expect(changed.status).toBe(200);
    expect(await listFlows(fresh)).toBe(401);
    expect(await db.staffSession.count({ where: { staffId: tester.id, endedAt: null } })).toBe(0);
  });

  it("ends a session idle longer than SESSION_IDLE_MINUTES, and one past its absolute lifetime", async () => {
    const viewer = await staffWithRole("viewer");
    const idle = await startStaffSession(viewer.id);
    const idleCookie = await sessionCookie(viewer, idle);
    await db.staffSession.update({ where: { id: idle }, data: { lastSeenAt: new Date(Date.now() - 31 * 60_000) } });
    expect(await listFlows(idleCookie)).toBe(401);
    expect(await db.staffSession.findUniqueOrThrow({ where: { id: idle } })).toMatchObject({ endReason: "idle" });

    const old = await startStaffSession(viewer.id);
    const oldCookie = await sessionCookie(viewer, old);
    expect(await listFlows(oldCookie)).toBe(200); // use keeps it alive…
    await db.staffSession.update({ where: { id: old }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await listFlows(oldCookie)).toBe(401); // …but not past 8 hours
  });

  it("next-auth's session answer carries the current role, and none once the session ended", async () => {
    const tester = await staffWithRole("tester");
    const sid = await startStaffSession(tester.id);
    const { callbacks } = authOptions();
    await db.staffUser.update({ where: { id: tester.id }, data: { role: "support" } }); // changed behind the session's back
    const token = await callbacks!.jwt!({ token: { sub: tester.id, sid, role: "tester" } } as never);
    const session = await callbacks!.session!({ session: { user: {}, expires: "" }, token } as never);
    expect((session.user as { role: string }).role).toBe("support");
    await db.staffSession.update({ where: { id: sid }, data: { endedAt: new Date() } });
    await expect(callbacks!.jwt!({ token: { sub: tester.id, sid } } as never)).rejects.toThrow(/ended/);
  });

  // Several scrypt hashes each: CPU-bound, slow on a busy machine.
  it("staff change their own password with the current one; their other sessions end, this one stays", { timeout: 60_000 }, async () => {
    const tester = await staffWithRole("tester");
    const here = await sessionCookie(tester);
    const elsewhere = await sessionCookie(tester);
    const wrong = await json(await ownPassword.POST(withCookie("/api/account/password", here, { json: { currentPassword: "not-it", newPassword: "brand-new-password" } })));
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.fields.currentPassword).toBe("This is not your current password.");
    const short = await json(await ownPassword.POST(withCookie("/api/account/password", here, { json: { currentPassword: "password-for-tests", newPassword: "short" } })));
    expect(short.body.error.fields.newPassword).toMatch(/10 characters/);
    expect(await authenticateStaff(tester.email, "password-for-tests")).not.toBeNull();

    const ok = await json(await ownPassword.POST(withCookie("/api/account/password", here, { json: { currentPassword: "password-for-tests", newPassword: "brand-new-password" } })));
    expect(ok).toMatchObject({ status: 200, body: { data: { endedSessions: 1 } } });
    expect(await listFlows(here)).toBe(200);
    expect(await listFlows(elsewhere)).toBe(401);
    expect(await authenticateStaff(tester.email, "brand-new-password")).not.toBeNull();
    expect(await db.auditEntry.findMany({ where: { action: "staff.password.change", actorId: tester.id }, select: { outcome: true } })).toEqual(
      expect.arrayContaining([{ outcome: "error" }, { outcome: "ok" }]),
    );
  });

  it("an admin resets another's password: their sessions end, and after signing in they must choose a new one before anything else", { timeout: 60_000 }, async () => {
    const tester = await staffWithRole("tester");
    const before = await sessionCookie(tester);
    const refused = await json(
      await reset.POST(await apiRequest(`/api/staff/${admin.id}/password`, { json: { temporaryPassword: "temporary-pass-1", reason: "try" }, staff: tester }), routeParams({ id: admin.id })),
    );
    expect(refused.status).toBe(403);
    const done = await asAdmin(reset.POST, tester.id, { temporaryPassword: "temporary-pass-1", reason: "forgot it" });
    expect(done.status).toBe(200);
    expect(await listFlows(before)).toBe(401);
    expect(await db.auditEntry.findFirst({ where: { action: "staff.password.reset", actorId: admin.id, outcome: "ok" } })).toMatchObject({ target: tester.email, reason: "forgot it" });

    const signedIn = await sessionCookie(tester); // the next sign-in, with the temporary password
    expect(await authenticateStaff(tester.email, "temporary-pass-1")).not.toBeNull();
    const blocked = await json(await flows.GET(withCookie("/api/flows", signedIn)));
    expect(blocked).toMatchObject({ status: 403, body: { error: { code: "password_change_required" } } });
    const chosen = await json(await ownPassword.POST(withCookie("/api/account/password", signedIn, { json: { currentPassword: "temporary-pass-1", newPassword: "my-own-password-1" } })));
    expect(chosen.status).toBe(200);
    expect(await listFlows(signedIn)).toBe(200);
  });
});
