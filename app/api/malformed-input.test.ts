// Malformed input the security review sent (issue 9, item 9): each is a 400 in the console's
// error shape naming the field, nothing is stored, the same on SQLite and PostgreSQL.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/data/db";
import { bootstrap } from "@/lib/setup/bootstrap";
import type { StaffSession } from "@/lib/auth/roles";
import { apiRequest, json, staffWithRole } from "@/lib/testing/console";
import * as environments from "./environments/route";
import * as stepup from "./flows/stepup/route";
import * as staffList from "./staff/route";

let admin: StaffSession;
let environmentId: string;

beforeAll(async () => {
  process.env.EMULATOR_INTERNAL_URL = "http://127.0.0.1:9/emulator"; // nothing here may reach the API
  await bootstrap();
  environmentId = (await db.environment.findFirstOrThrow({ where: { kind: "embedded" } })).id;
  admin = await staffWithRole("admin");
});

const validEnvironment = { name: "Sandbox", kind: "sandbox", baseUrl: "https://api.signicat.com", clientId: "c", clientSecret: "s" };

describe("malformed input on console routes", () => {
  it("answers an environment with an invalid URL with a field error, not a 500", async () => {
    for (const baseUrl of ["not a url", "https://exa mple.com", "http://[::1", "https://"]) {
      const answer = await json(await environments.POST(await apiRequest("/api/environments", { json: { ...validEnvironment, baseUrl }, staff: admin })));
      expect(answer.status, baseUrl).toBe(400);
      expect(answer.body.error.code).toBe("validation_failed");
      expect(answer.body.error.fields.baseUrl).toMatch(/full URL/);
    }
    expect(await db.environment.count({ where: { name: "Sandbox" } })).toBe(0);
  });

  it("answers a lone surrogate in a step-up userId with a field error before the API is called", async () => {
    const before = await db.flow.count();
    const answer = await json(await stepup.POST(await apiRequest("/api/flows/stepup", { body: `{"environmentId":"${environmentId}","userId":"\\ud800","deviceId":"d"}`, staff: admin })));
    expect(answer.status).toBe(400);
    expect(answer.body.error.fields.userId).toMatch(/lone surrogate/);
    expect(await db.flow.count()).toBe(before);
  });

  it("answers a NUL character in any text field with a field error and stores nothing", async () => {
    const answer = await json(await environments.POST(await apiRequest("/api/environments", { json: { ...validEnvironment, name: "Nul\u0000name" }, staff: admin })));
    expect(answer.status).toBe(400);
    expect(answer.body.error.fields.name).toMatch(/NUL/);
    const nested = await json(
      await staffList.POST(
        await apiRequest("/api/staff", { json: { email: "x@example.test", name: "X", password: "long-enough-password", role: "viewer", extra: { deep: ["\u0000"] } }, staff: admin }),
      ),
    );
    expect(nested.status).toBe(400);
    expect(nested.body.error.fields["extra.deep.0"]).toMatch(/NUL/);
    expect(await db.staffUser.count({ where: { email: "x@example.test" } })).toBe(0);
    const query = await json(await staffList.GET(await apiRequest("/api/staff?q=%00", { staff: admin })));
    expect(query.status).toBe(400);
    expect(query.body.error.fields.q).toMatch(/NUL/);
  });
});
