// Functions that must run inside a caller's transaction take this: the transaction client, or
// `db` itself when there is none. Inside an interactive transaction only `tx` may be used.
import type { Prisma } from "@/lib/generated/prisma/client";

export type DbClient = Prisma.TransactionClient;
