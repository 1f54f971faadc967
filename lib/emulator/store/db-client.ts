// Functions that must run inside a caller's transaction take this: the transaction client, or
// `db` itself when there is none. Inside an interactive transaction only `tx` may be used.
import { db } from "@/lib/data/db";
import type { Prisma } from "@/lib/generated/prisma/client";

export type DbClient = Prisma.TransactionClient;

/** Runs `work` in one interactive transaction; every store function it calls gets the `tx`. */
export function inTransaction<T>(work: (tx: DbClient) => Promise<T>): Promise<T> {
  return db.$transaction(work);
}
