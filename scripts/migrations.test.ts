// schema.prisma and the committed migrations must agree: a model change without a
// migration (npm run migration:new -- <name>) fails here.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
// @ts-expect-error plain ES module without types
import { pendingSchemaSql, schemaPath } from "./lib/schema-engine.mjs";

describe("migrations", () => {
  it("cover everything schema.prisma declares", async () => {
    expect(await pendingSchemaSql()).toBe("");
  });

  it("would catch a model change that no migration covers", async () => {
    const changed = readFileSync(schemaPath, "utf8").replace("model StaffUser {", "model StaffUser {\n  nickname String?");
    expect(await pendingSchemaSql(changed)).toMatch(/nickname/);
  });
});
