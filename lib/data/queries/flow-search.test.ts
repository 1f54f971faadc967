// History's text search index on whichever database the suite runs: a fragment of three
// characters or more is found through it in any case and anywhere in the value, the index
// follows updates and deletes, and it declines (null) what it cannot answer.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/data/db";
import { flowOwners } from "@/lib/testing/console";
import { searchFlowIds } from "./flows";

let environmentId: string;
let startedById: string;

beforeAll(async () => {
  ({ environmentId, startedById } = await flowOwners());
});

const flow = (id: string, fields: { externalRef?: string; userId?: string; transactionId?: string }) =>
  db.flow.create({ data: { id, type: "onboarding", status: "Pending", environmentId, startedById, input: {}, ...fields } });

describe("the flow search index", () => {
  it("finds a fragment of an externalRef, a userId or a transactionId, in any case", async () => {
    await flow("search-1", { externalRef: "Maria-Hansen-7731" });
    await flow("search-2", { userId: "usr_AbCdEf0042" });
    await flow("search-3", { transactionId: "txn-9f8e7d" });
    expect(await searchFlowIds("hansen", 100)).toEqual(["search-1"]);
    expect(await searchFlowIds("CDEF00", 100)).toEqual(["search-2"]);
    expect(await searchFlowIds("8e7", 100)).toEqual(["search-3"]);
    expect(await searchFlowIds("nobody", 100)).toEqual([]);
  });

  it("follows a value set after the start, and a deleted flow", async () => {
    await flow("search-4", {});
    await db.flow.update({ where: { id: "search-4" }, data: { transactionId: "late-transaction-55" } });
    expect(await searchFlowIds("TRANSACTION-55", 100)).toEqual(["search-4"]);
    await db.flow.delete({ where: { id: "search-4" } });
    expect(await searchFlowIds("transaction-55", 100)).toEqual([]);
  });

  it("takes wildcard characters literally", async () => {
    await flow("search-5", { externalRef: "100%_done" });
    expect(await searchFlowIds("0%_", 100)).toEqual(["search-5"]);
    expect(await searchFlowIds("0_%", 100)).toEqual([]);
  });

  it("declines a fragment shorter than three characters, or more matches than asked for", async () => {
    expect(await searchFlowIds("7", 100)).toBeNull();
    expect(await searchFlowIds("ha", 100)).toBeNull();
    for (let i = 0; i < 4; i++) await flow(`search-many-${i}`, { externalRef: `many-${i}` });
    expect(await searchFlowIds("many-", 3)).toBeNull();
    expect((await searchFlowIds("many-", 4))?.sort()).toEqual(["search-many-0", "search-many-1", "search-many-2", "search-many-3"]);
  });
});
