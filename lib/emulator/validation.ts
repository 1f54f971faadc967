/**
 * Input at the emulator's border: JSON bodies and query parameters are checked with zod once,
 * and every failing field is reported in `invalidParams` (dotted path, e.g.
 * "videoidProviderOptions.docTypes[1]").
 */
import { z } from "zod";
import { fail, type InvalidParam } from "./http";
import { unsafeTextParams } from "./text-check";

/** One entry per field: the first reason zod gives for it. */
export function issuesToInvalidParams(issues: readonly z.core.$ZodIssue[]): InvalidParam[] {
  const byName = new Map<string, InvalidParam>();
  for (const issue of issues) {
    const name = formatPath(issue.path) || "body";
    if (!byName.has(name)) byName.set(name, { name, reason: issue.message });
  }
  return [...byName.values()];
}

function formatPath(path: readonly PropertyKey[]): string {
  let text = "";
  for (const part of path) {
    if (typeof part === "number") text += `[${part}]`;
    else text += text ? `.${String(part)}` : String(part);
  }
  return text;
}

export function parseWith<T extends z.ZodType>(schema: T, value: unknown): z.output<T> {
  const result = schema.safeParse(value);
  if (!result.success) throw fail.invalidParams(issuesToInvalidParams(result.error.issues));
  return result.data;
}

/** A JSON body; an empty body counts as `{}` so optional-only bodies may be omitted. NUL and lone surrogates are refused per field. */
export function parseJsonText(text: string): unknown {
  if (text.trim() === "") return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw fail.invalidParams([{ name: "body", reason: "is not valid JSON" }], "The request body is not valid JSON.");
  }
  const unsafe = unsafeTextParams(value);
  if (unsafe.length > 0) throw fail.invalidParams(unsafe);
  return value;
}

export function parseJsonBody<T extends z.ZodType>(schema: T, text: string): z.output<T> {
  return parseWith(schema, parseJsonText(text));
}

export const dateString = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date YYYY-MM-DD")
  .refine((s) => !Number.isNaN(Date.parse(s)), "is not a valid date");
