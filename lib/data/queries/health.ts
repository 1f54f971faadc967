// What the health endpoints ask of the database: does it answer, and which committed migrations
// it has not applied (lib/data/db.ts pendingMigrations).
import { db } from "@/lib/data/db";

export { pendingMigrations } from "@/lib/data/db";

/** Resolves when the database answers a trivial query; rejects when it cannot be reached. */
export async function pingDatabase(): Promise<void> {
  await db.$queryRawUnsafe("SELECT 1");
}
