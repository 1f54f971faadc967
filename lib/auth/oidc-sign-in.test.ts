import { describe, expect, it } from "vitest";
import { db } from "@/lib/data/db";
import { createStaffUser } from "@/lib/staff/accounts";
import { readSignInSettings } from "./oidc";
import { signInWithOidc } from "./oidc-sign-in";

const config = readSignInSettings({
  OIDC_ISSUER: "https://login.company.test",
  OIDC_CLIENT_ID: "console",
  OIDC_CLIENT_SECRET: "secret",
  OIDC_ROLE_CLAIM: "groups",
  OIDC_ROLE_MAP: "console-admins=admin,console-testers=tester",
}).oidc!;

const lastAudit = (actorEmail: string) => db.auditEntry.findFirstOrThrow({ where: { actorEmail, action: "staff.signin" }, orderBy: { createdAt: "desc" } });

describe("company sign-in", () => {
  it("creates a staff user on the first sign-in and records it", async () => {
    const result = await signInWithOidc({ sub: "1", email: "Ines@Company.test", email_verified: true, name: "Ines", groups: ["console-testers"] }, config);
    expect(result).toMatchObject({ ok: true, staff: { email: "ines@company.test", name: "Ines", role: "tester" } });
    const row = await db.staffUser.findUniqueOrThrow({ where: { email: "ines@company.test" } });
    expect(row.passwordHash).toBeNull();
    const entries = await db.auditEntry.findMany({ where: { actorEmail: "ines@company.test" }, orderBy: { action: "asc" } });
    expect(entries.map((e) => [e.action, e.outcome, e.reason, e.detail])).toEqual([
      ["staff.create", "ok", "provisioned by single sign-on", "role tester from the groups claim"],
      ["staff.signin", "ok", null, "method: oidc"],
    ]);
    expect(result.ok && result.staff.id).toBe(row.id);
  });

  it("sets the role from the claim on every sign-in, for password users too", async () => {
    const staff = await createStaffUser({ email: "omar@company.test", name: "Omar", password: "a-long-password", role: "viewer" });
    const result = await signInWithOidc({ sub: "2", email: "omar@company.test", groups: "console-admins" }, config);
    expect(result).toMatchObject({ ok: true, staff: { id: staff.id, role: "admin", name: "Omar" } });
    expect((await db.staffUser.findUniqueOrThrow({ where: { id: staff.id } })).role).toBe("admin");
    expect((await lastAudit("omar@company.test")).detail).toBe("method: oidc; role viewer → admin from the groups claim");

    // Omar is the only admin: the claim cannot demote him.
    await signInWithOidc({ sub: "2", email: "omar@company.test", groups: ["console-testers"] }, config);
    expect((await db.staffUser.findUniqueOrThrow({ where: { id: staff.id } })).role).toBe("admin");
    expect((await lastAudit("omar@company.test")).detail).toMatch(/kept admin: the last active admin/);

    await createStaffUser({ email: "ada@company.test", name: "Ada", password: "a-long-password", role: "admin" });
    await signInWithOidc({ sub: "2", email: "omar@company.test", groups: ["console-testers"] }, config);
    expect((await db.staffUser.findUniqueOrThrow({ where: { id: staff.id } })).role).toBe("tester");
  });

  it("refuses the unmapped, the unverified, the deactivated and a missing email, and records why", async () => {
    expect(await signInWithOidc({ sub: "3", email: "nora@company.test", groups: ["everyone"] }, config)).toEqual({ ok: false, refusal: "SsoNoRole" });
    expect(await lastAudit("nora@company.test")).toMatchObject({ outcome: "error", detail: "method: oidc; no console role is mapped from the role claim (groups: everyone)" });
    expect(await db.staffUser.findUnique({ where: { email: "nora@company.test" } })).toBeNull();

    expect(await signInWithOidc({ sub: "4", email: "una@company.test", email_verified: false, groups: ["console-admins"] }, config)).toEqual({ ok: false, refusal: "SsoEmailUnverified" });
    expect(await signInWithOidc({ sub: "5", groups: ["console-admins"] }, config)).toEqual({ ok: false, refusal: "SsoNoEmail" });
    expect(await lastAudit("(no email; sub 5)")).toMatchObject({ outcome: "error", detail: "method: oidc; the provider sent no email address" });
    expect(await lastAudit("una@company.test")).toMatchObject({ outcome: "error", detail: "method: oidc; the provider says the email address is not verified" });

    const gone = await createStaffUser({ email: "gone@company.test", name: "Gone", password: "a-long-password", role: "admin" });
    await db.staffUser.update({ where: { id: gone.id }, data: { active: false } });
    expect(await signInWithOidc({ sub: "6", email: "gone@company.test", groups: ["console-admins"] }, config)).toEqual({ ok: false, refusal: "SsoDeactivated" });
    expect(await lastAudit("gone@company.test")).toMatchObject({ actorId: gone.id, outcome: "error", detail: "method: oidc; the staff user is deactivated" });
    expect((await db.staffUser.findUniqueOrThrow({ where: { id: gone.id } })).active).toBe(false);
  });

  it("creates one staff user when the same person signs in twice at once", async () => {
    const claims = { sub: "7", email: "twice@company.test", groups: ["console-testers"] };
    const [a, b] = await Promise.all([signInWithOidc(claims, config), signInWithOidc(claims, config)]);
    expect(a.ok && b.ok && a.staff.id === b.staff.id).toBe(true);
    expect(await db.staffUser.count({ where: { email: "twice@company.test" } })).toBe(1);
  });
});
