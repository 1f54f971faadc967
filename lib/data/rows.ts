// Reading rows the driver (lib/data/sql.ts) returns as Prisma's models would hold them, so the
// code that uses them cannot tell which path read them: SQLite keeps DateTime as ISO text and
// Json as text, pg gives Date and parsed jsonb; an absent nullable column is null either way.
import { databaseProvider } from "@/lib/data/db";
import type { Prisma } from "@/lib/generated/prisma/client";

export const dateOf = (value: unknown): Date => (value instanceof Date ? value : new Date(String(value)));
export const maybeDate = (value: unknown): Date | null => (value === null || value === undefined ? null : dateOf(value));
export const text = (value: unknown): string => String(value);
export const maybeText = (value: unknown): string | null => (value === null || value === undefined ? null : text(value));
/**
 * A Json column: better-sqlite3 hands over the text Prisma wrote, pg parses jsonb itself (so a
 * string there is a JSON string's value, not JSON text to parse again).
 */
export const jsonValue = (value: unknown): Prisma.JsonValue => (typeof value === "string" && databaseProvider() === "sqlite" ? (JSON.parse(value) as Prisma.JsonValue) : (value as Prisma.JsonValue));
export const maybeJson = (value: unknown): Prisma.JsonValue | null => (value === null || value === undefined ? null : jsonValue(value));
export const maybeInt = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));
/** SQLite has no boolean: 1 and 0. */
export const flag = (value: unknown): boolean => value === true || value === 1;

/** The columns of a table under a prefix, for SELECTs that read several tables in one row. */
export const columns = (alias: string, prefix: string, names: readonly string[]) => names.map((n) => `${alias}."${n}" AS "${prefix}${n}"`).join(", ");
