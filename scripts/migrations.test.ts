// Each provider's schema and its committed migrations must agree, and the two schemas must
// declare the same models: a model change without migrations for both databases
// (npm run migration:new -- <name>) fails here.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
// @ts-expect-error plain ES module without types
import { modelsOf, pendingSchemaSql, providers } from "./lib/schema-engine.mjs";

const schemaText = (provider: "sqlite" | "postgresql") => readFileSync(providers[provider].schemaPath, "utf8");

describe("the SQLite and PostgreSQL schemas", () => {
  it("declare the same models, only their datasource and generator differ", () => {
    expect(modelsOf(schemaText("postgresql"))).toBe(modelsOf(schemaText("sqlite")));
    expect(schemaText("postgresql")).toMatch(/provider = "postgresql"/);
  });

  it("would catch a model changed in one schema only", () => {
    const changed = schemaText("sqlite").replace("model StaffUser {", "model StaffUser {\n  nickname String?");
    expect(modelsOf(changed)).not.toBe(modelsOf(schemaText("postgresql")));
  });
});

describe("SQLite migrations", () => {
  it("cover everything prisma/schema.prisma declares", async () => {
    expect(await pendingSchemaSql({ provider: "sqlite" })).toBe("");
  });

  it("would catch a model change that no migration covers", async () => {
    const changed = schemaText("sqlite").replace("model StaffUser {", "model StaffUser {\n  nickname String?");
    expect(await pendingSchemaSql({ provider: "sqlite", schemaText: changed })).toMatch(/nickname/);
  });
});

// The PostgreSQL engine replays the migrations into a shadow database: it needs a server.
describe.skipIf(!process.env.TEST_POSTGRES_URL)("PostgreSQL migrations (TEST_POSTGRES_URL)", () => {
  it("cover everything prisma/postgres/schema.prisma declares", async () => {
    expect(await pendingSchemaSql({ provider: "postgresql", postgresUrl: process.env.TEST_POSTGRES_URL })).toBe("");
  });

  it("would catch a model change that no migration covers", async () => {
    const changed = schemaText("postgresql").replace("model StaffUser {", "model StaffUser {\n  nickname String?");
    expect(await pendingSchemaSql({ provider: "postgresql", schemaText: changed, postgresUrl: process.env.TEST_POSTGRES_URL })).toMatch(/nickname/);
  });
});
