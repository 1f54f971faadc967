import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "@/lib/generated/prisma/client";

export const DEFAULT_DATABASE_URL = "file:./.data/console.db";

function createClient() {
  const url = process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
  return new PrismaClient({ adapter: new PrismaBetterSqlite3({ url, timeout: 10_000 }) });
}

// One client per process; dev reloads would otherwise open a new pool each time.
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };
export const db = globalForPrisma.prisma ?? createClient();
if (process.env.NODE_ENV !== "production") globalForPrisma.prisma = db;

export type Db = typeof db;
export type { Prisma } from "@/lib/generated/prisma/client";
