// The environment cookie (issue 9, item 11): Secure whenever the browser came over https.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/data/db";
import { bootstrap } from "@/lib/setup/bootstrap";
import type { StaffSession } from "@/lib/auth/roles";
import { PEER_ADDRESS_HEADER } from "@/lib/security/proxy-trust";
import { sessionCookie, staffWithRole } from "@/lib/testing/console";
import * as select from "./route";

let viewer: StaffSession;
let environmentId: string;

beforeAll(async () => {
  await bootstrap();
  environmentId = (await db.environment.findFirstOrThrow({ where: { kind: "embedded" } })).id;
  viewer = await staffWithRole("viewer");
});

async function choose(headers: Record<string, string> = {}) {
  const request = new Request("http://console.test/api/environments/select", {
    method: "POST",
    headers: { cookie: await sessionCookie(viewer), "content-type": "application/json", [PEER_ADDRESS_HEADER]: "10.0.0.2", ...headers },
    body: JSON.stringify({ id: environmentId }),
  });
  const response = await select.POST(request);
  expect(response.status).toBe(200);
  return response.headers.get("set-cookie")!;
}

describe("the environment cookie", () => {
  it("is Secure over https (NEXTAUTH_URL, or a trusted proxy's X-Forwarded-Proto), and not over plain http", async () => {
    expect(await choose()).not.toMatch(/;\s*Secure/i);
    expect(await choose({ "x-forwarded-proto": "https" })).not.toMatch(/;\s*Secure/i); // anyone can send that header
    vi.stubEnv("TRUST_PROXY", "1");
    expect(await choose({ "x-forwarded-proto": "https" })).toMatch(/;\s*Secure/i);
    vi.unstubAllEnvs();
    vi.stubEnv("NEXTAUTH_URL", "https://console.company.test");
    expect(await choose()).toMatch(/HttpOnly; Max-Age=31536000; Secure$/);
    vi.unstubAllEnvs();
  });
});
