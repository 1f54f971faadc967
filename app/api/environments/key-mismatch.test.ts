// A console instance still on the old key while a rotation re-sealed the secrets (issue 9,
// item 13): calls that need a stored secret answer a plain 503 that says what happened.
import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/data/db";
import { bootstrap } from "@/lib/setup/bootstrap";
import { seal } from "@/lib/crypto/secret-box";
import type { StaffSession } from "@/lib/auth/roles";
import { apiRequest, json, routeParams, staffWithRole } from "@/lib/testing/console";
import * as testConnection from "./[id]/test/route";

let admin: StaffSession;

beforeAll(async () => {
  process.env.EMULATOR_INTERNAL_URL = "http://127.0.0.1:9/emulator";
  await bootstrap();
  admin = await staffWithRole("admin");
});

describe("a stored secret sealed with another key", () => {
  it("answers 503 secret_unreadable with a message that names the cause and the fix, not a 500", async () => {
    const env = await db.environment.create({
      data: { name: "Rotated elsewhere", kind: "sandbox", baseUrl: "https://api.signicat.com", clientId: "c", clientSecretEnc: seal("the secret", randomBytes(32)) },
    });
    const answer = await json(await testConnection.POST(await apiRequest(`/api/environments/${env.id}/test`, { json: {}, staff: admin }), routeParams({ id: env.id })));
    expect(answer.status).toBe(503);
    expect(answer.body.error.code).toBe("secret_unreadable");
    expect(answer.body.error.message).toMatch(/does not open with this console's encryption key.*rotated.*Restart it/);
  });
});
