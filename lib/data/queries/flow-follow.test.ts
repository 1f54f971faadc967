// The flow a watcher check follows is read through the driver: on whichever database the suite
// runs it must be the very object Prisma reads (dates as Date, Json parsed, absent columns
// null), or a follower would see a different flow than the rest of the console.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/data/db";
import { flowOwners } from "@/lib/testing/console";
import { getFlowToFollow } from "./flows";

let environmentId: string;
let startedById: string;

beforeAll(async () => {
  ({ environmentId, startedById } = await flowOwners());
});

const prismaRead = async (id: string) => {
  const flow = await db.flow.findUniqueOrThrow({ where: { id }, include: { environment: true, events: true } });
  return { ...flow, events: [...flow.events].sort((a, b) => a.id.localeCompare(b.id)) };
};
const driverRead = async (id: string) => {
  const flow = (await getFlowToFollow(id))!;
  return { ...flow, events: [...flow.events].sort((a, b) => a.id.localeCompare(b.id)) };
};

describe("the flow a check follows", () => {
  it("reads a flow with every column set, its environment and its events as Prisma does", async () => {
    const result = { status: "Pending", userData: { name: "Zoë Ødegård", birthDate: "1990-01-02", nested: [1, null, true, "ü"] } };
    const flow = await db.flow.create({
      data: {
        type: "onboarding",
        status: "Pending",
        environmentId,
        startedById,
        externalRef: "ref-ø-1",
        transactionId: "txn-1",
        userId: "usr-1",
        deviceId: "dev-1",
        proofingId: "prf-1",
        dossierId: "dos-1",
        processId: "prc-1",
        activationCode: "ABCD-1234",
        input: { externalRef: "ref-ø-1", documentTypes: ["passport"] },
        result,
        errorCode: "code",
        errorMessage: "message",
        finishedAt: new Date("2026-12-03T10:00:00.123Z"),
        nextCheckAt: new Date("2026-12-03T10:00:01.456Z"),
        checkError: "timeout",
        events: {
          create: [
            { kind: "status", name: "Pending", detail: "transaction txn-1" },
            { kind: "step", name: "user_created", detail: null },
          ],
        },
      },
    });
    const read = await driverRead(flow.id);
    expect(read).toEqual(await prismaRead(flow.id));
    expect(read.result).toEqual(result);
    expect(read.events).toHaveLength(2);
    expect(read.environment.createdAt).toBeInstanceOf(Date);
  });

  it("reads absent columns as null and a Json value that is a bare string as that string", async () => {
    const flow = await db.flow.create({ data: { type: "authentication", status: "Pending", environmentId, startedById, input: "just text" } });
    const read = await driverRead(flow.id);
    expect(read).toEqual(await prismaRead(flow.id));
    expect(read.input).toBe("just text");
    expect(read.result).toBeNull();
    expect(read.nextCheckAt).toBeNull();
    expect(read.events).toEqual([]);
  });

  it("reads nothing for a flow that does not exist", async () => {
    expect(await getFlowToFollow("no-such-flow")).toBeNull();
  });
});
