import { describe, expect, it } from "vitest";
import { containsText, db } from "./db";

describe("containsText", () => {
  it("finds text whatever its case, on this database", async () => {
    await db.endUser.create({ data: { environmentId: "env-case", userId: "u-case", externalRef: "Customer-ABC", lastName: "NORDMANN" } });
    const found = await db.endUser.findMany({ where: { environmentId: "env-case", externalRef: containsText("customer-abc") } });
    expect(found.map((u) => u.userId)).toEqual(["u-case"]);
    const byName = await db.endUser.findMany({ where: { environmentId: "env-case", lastName: containsText("nordMANN") } });
    expect(byName).toHaveLength(1);
  });
});
