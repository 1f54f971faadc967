// /api/openapi.json: generated from the route() handlers, covering every one of them.
import { readdirSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { StaffSession } from "@/lib/auth/roles";
import { apiRequest, json, staffWithRole } from "@/lib/testing/console";
import { CONSOLE_OPERATIONS, UNDOCUMENTED } from "./catalog";
import { GET } from "./route";

let viewer: StaffSession;
beforeAll(async () => {
  viewer = await staffWithRole("viewer");
});

const apiDir = join(__dirname, "..");
function routeFolders(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return routeFolders(path);
    return entry.name === "route.ts" ? [`/api/${relative(apiDir, dir).split(sep).join("/")}`.replace(/\/$/, "")] : [];
  });
}

describe("GET /api/openapi.json", () => {
  it("documents every console route, with its permission, parameters and body from the handler's own schemas", async () => {
    const res = await json(await GET(await apiRequest("/api/openapi.json", { staff: viewer })));
    expect(res.status).toBe(200);
    const doc = res.body;
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.servers).toEqual([{ url: "http://console.test" }]);

    const documented = new Set(CONSOLE_OPERATIONS.map((o) => o.path.replace(/\{(\w+)\}/g, "[$1]")));
    for (const folder of routeFolders(apiDir)) {
      expect(documented.has(folder) || folder in UNDOCUMENTED, `${folder} is neither documented nor listed as undocumented`).toBe(true);
    }
    for (const entry of CONSOLE_OPERATIONS) expect(Object.keys(doc.paths[entry.path] ?? {}).length, entry.path).toBeGreaterThan(0);

    const start = doc.paths["/api/flows/onboarding"].post;
    expect(start["x-roles"]).toEqual(["admin", "tester"]);
    expect(start.requestBody.content["application/json"].schema.properties).toHaveProperty("environmentId");
    const exportOne = doc.paths["/api/flows/{id}/export"].get;
    expect(exportOne.parameters).toEqual(expect.arrayContaining([expect.objectContaining({ name: "format", in: "query", schema: expect.objectContaining({ enum: ["sh", "json", "postman"] }) })]));
    expect(doc.paths["/api/staff"].post.description).toContain("staff.create");
  });

  it("needs a signed-in staff user", async () => {
    expect((await GET(await apiRequest("/api/openapi.json"))).status).toBe(401);
  });
});
