import { describe, expect, it } from "vitest";
import { db } from "@/lib/data/db";
import { json } from "@/lib/testing/console";
import { authenticateStaff } from "@/lib/staff/accounts";
import { POST } from "./route";

const post = (body: unknown) => POST(new Request("http://console.test/api/setup", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) }));

describe("first run", () => {
  it("validates, creates the first admin once, then refuses", async () => {
    const bad = await json(await post({ name: "", email: "nope", password: "short" }));
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(["email", "name", "password"]);
    expect(await db.staffUser.count()).toBe(0);

    const [a, b] = await Promise.all([post({ name: "Ada", email: "Ada@Example.test", password: "a-long-password" }), post({ name: "Eve", email: "eve@example.test", password: "a-long-password" })]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    expect(await db.staffUser.count()).toBe(1);
    const admin = await db.staffUser.findFirstOrThrow();
    expect(admin.role).toBe("admin");
    expect(admin.passwordHash).toMatch(/^scrypt\$/);

    const later = await json(await post({ name: "Mallory", email: "m@example.test", password: "a-long-password" }));
    expect(later.status).toBe(409);
    expect(later.body.error.code).toBe("already_set_up");
  });

  it("signs in with the right password only, without saying which part was wrong", async () => {
    const admin = await db.staffUser.findFirstOrThrow();
    expect(await authenticateStaff(admin.email.toUpperCase(), "a-long-password")).toMatchObject({ role: "admin" });
    expect(await authenticateStaff(admin.email, "wrong-password")).toBeNull();
    expect(await authenticateStaff("nobody@example.test", "a-long-password")).toBeNull();
  });
});

describe("first run from another site", () => {
  it("is refused, as is a body that is not JSON", async () => {
    const crossSite = await POST(new Request("http://console.test/api/setup", { method: "POST", headers: { "content-type": "text/plain", origin: "http://evil.example" }, body: "{}" }));
    expect(crossSite.status).toBe(403);
    const plain = await POST(new Request("http://console.test/api/setup", { method: "POST", headers: { "content-type": "text/plain" }, body: "{}" }));
    expect(plain.status).toBe(415);
  });
});
