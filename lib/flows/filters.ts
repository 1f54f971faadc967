// The history's filters: parsed from the URL (so any view is a link), turned into one
// HistoryFilter (lib/data/queries/history.ts), and used alike by the page, the list API and the exports.
import { z } from "zod";
import type { HistoryFilter } from "@/lib/data/queries/history";
import { FLOW_STATUSES } from "./state-machine";

export const FLOW_TYPES = ["onboarding", "stepup", "authentication"] as const;

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2026-01-31.")
  .optional()
  .or(z.literal("").transform(() => undefined));
const optional = <T extends z.ZodTypeAny>(schema: T) => schema.optional().or(z.literal("").transform(() => undefined));

export const flowFilters = z.object({
  type: optional(z.enum(FLOW_TYPES)),
  status: optional(z.enum(FLOW_STATUSES)),
  environment: optional(z.string().max(100)),
  by: optional(z.string().max(100)),
  from: day,
  to: day,
  q: optional(z.string().trim().max(200)),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});
export type FlowFilters = z.infer<typeof flowFilters>;

/** Lenient for pages: an invalid value is dropped rather than failing the whole view. */
export function parseFlowFilters(params: Record<string, string | string[] | undefined>): FlowFilters {
  const flat = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const clean: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(flat)) {
    const field = flowFilters.shape[key as keyof typeof flowFilters.shape];
    if (field && field.safeParse(value).success) clean[key] = value;
  }
  return flowFilters.parse(clean);
}

/** The filters as the database applies them: whole UTC days, the free text as a fragment (lib/flows/history.ts resolves it through the search index). */
export function flowFilter(f: FlowFilters): HistoryFilter {
  const filter: HistoryFilter = {};
  if (f.type) filter.type = f.type;
  if (f.status) filter.status = f.status;
  if (f.environment) filter.environmentId = f.environment;
  if (f.by) filter.startedById = f.by;
  if (f.from) filter.from = new Date(`${f.from}T00:00:00.000Z`);
  if (f.to) filter.before = new Date(new Date(`${f.to}T00:00:00.000Z`).getTime() + 86_400_000);
  if (f.q) filter.text = { contains: f.q };
  return filter;
}

/** The query string of these filters (without the page unless asked), for links and exports. */
export function filterQuery(f: Partial<FlowFilters>, withPage = false): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(f)) {
    if (v === undefined || v === "" || (k === "page" && (!withPage || v === 1))) continue;
    params.set(k, String(v));
  }
  return params.toString();
}
