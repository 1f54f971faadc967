// Identifiers the emulator hands out, and recognising a lost race on a unique column.
import { randomInt, randomUUID } from "node:crypto";

export const newId = (): string => randomUUID();

/** A 10-digit activation code, as ReuseID shows it to the user. */
export function newActivationCode(): string {
  return String(randomInt(0, 10 ** 10)).padStart(10, "0");
}

/** Prisma's P2002: another writer (maybe another process) created the same unique value first. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}
