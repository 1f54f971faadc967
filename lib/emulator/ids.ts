// Identifiers the emulator hands out, and recognising a lost race on a unique column.
import { randomInt, randomUUID } from "node:crypto";

export const newId = (): string => randomUUID();

/** A 10-digit activation code, as ReuseID shows it to the user. */
export function newActivationCode(): string {
  return String(randomInt(0, 10 ** 10)).padStart(10, "0");
}

/**
 * Another writer (maybe another process) created the same unique value first: Prisma's P2002, or
 * the driver's own code from the direct store (PostgreSQL 23505, SQLite's constraint codes).
 */
export function isUniqueViolation(error: unknown): boolean {
  const code = typeof error === "object" && error !== null ? (error as { code?: unknown }).code : undefined;
  return code === "P2002" || code === "23505" || code === "SQLITE_CONSTRAINT_UNIQUE" || code === "SQLITE_CONSTRAINT_PRIMARYKEY";
}
