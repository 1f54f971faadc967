import { describe, expect, it } from "vitest";
import { db } from "@/lib/data/db";
import { GET as liveRoute } from "./route";
import { GET as readyRoute } from "./ready/route";

// The probes are publicRoute() handlers: each call is a request, as a load balancer sends it.
const live = () => liveRoute(new Request("http://console.test/api/health"));
const ready = () => readyRoute(new Request("http://console.test/api/health/ready"));

describe("health", () => {
  it("liveness answers ok while the database answers", async () => {
    const response = await live();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
  });

  it("readiness answers ready when every committed migration is applied", async () => {
    const response = await ready();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ready" });
  });

  it("readiness answers 503 naming a migration the database has not applied", async () => {
    const [last] = await db.$queryRawUnsafe<{ id: string; migration_name: string }[]>(`SELECT "id", "migration_name" FROM "_prisma_migrations" ORDER BY "migration_name" DESC LIMIT 1`);
    await db.$executeRaw`UPDATE "_prisma_migrations" SET "rolled_back_at" = "started_at" WHERE "id" = ${last.id}`;
    try {
      const response = await ready();
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({ status: "unavailable", reason: "migrations pending", pending: [last.migration_name] });
    } finally {
      await db.$executeRaw`UPDATE "_prisma_migrations" SET "rolled_back_at" = NULL WHERE "id" = ${last.id}`;
    }
    expect((await ready()).status).toBe(200);
  });
});
