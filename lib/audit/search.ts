// Reading the audit trail: the filters shared by the audit page, its API and its export,
// one page of entries newest first, and the CSV/JSON export of a filtered view.
// Nothing here (or anywhere) updates or deletes an entry; the database refuses it too.
import { z } from "zod";
import { toCsv } from "@/lib/http/csv";
import { containsText } from "@/lib/data/queries/shared";
import { countAuditEntries, listAuditActionNames, listAuditEntriesNewestFirst, listAuditTargetFlows } from "@/lib/data/queries/audit-entries";
import { listEndUsersByUserIds } from "@/lib/data/queries/end-users";
import { listEnvironmentNames } from "@/lib/data/queries/environments";
import { listStaffNamesByEmail } from "@/lib/data/queries/staff-users";
import type { AuditEntry, Prisma } from "@/lib/generated/prisma/client";
import { auditActionLabel, parseAuditTarget, type AuditTarget } from "@/lib/audit/labels";
import { flowTypeLabel, MISSING_NAME } from "@/lib/ui/labels";

export const AUDIT_PAGE_SIZE = 50;
/** An export holds at most this many entries (the newest); narrow the filters for older ones. */
export const AUDIT_EXPORT_MAX_ROWS = 10_000;

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const text = z.preprocess(blankToUndefined, z.string().trim().max(200, "Keep it under 200 characters.").optional());
const day = z.preprocess(
  blankToUndefined,
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2026-01-31.")
    .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)), "This is not a date.")
    .optional(),
);

export const auditFilterInput = z.object({
  action: text,
  actor: text,
  outcome: z.preprocess(blankToUndefined, z.enum(["ok", "error"], { message: "Choose ok or error." }).optional()),
  environment: text,
  target: text,
  from: day,
  to: day,
});
export type AuditFilter = z.infer<typeof auditFilterInput>;
export const AUDIT_FILTER_KEYS = Object.keys(auditFilterInput.shape) as (keyof AuditFilter)[];

export const auditListQuery = auditFilterInput.extend({ page: z.coerce.number().int().min(1).catch(1) });
export const auditExportQuery = auditFilterInput.extend({ format: z.enum(["csv", "json"], { message: "Choose csv or json." }).default("csv") });

/** The filter as URL search parameters, without the empty ones: for links and the export. */
export function auditFilterParams(filter: AuditFilter, extra: Record<string, string> = {}): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of AUDIT_FILTER_KEYS) if (filter[key]) params.set(key, filter[key]);
  for (const [k, v] of Object.entries(extra)) params.set(k, v);
  return params;
}

/** Dates are whole UTC days, both ends included. */
export function auditWhere(filter: AuditFilter): Prisma.AuditEntryWhereInput {
  const createdAt: Prisma.DateTimeFilter = {};
  if (filter.from) createdAt.gte = new Date(`${filter.from}T00:00:00Z`);
  if (filter.to) createdAt.lt = new Date(Date.parse(`${filter.to}T00:00:00Z`) + 24 * 60 * 60 * 1000);
  return {
    ...(filter.action ? { action: filter.action } : {}),
    ...(filter.actor ? { actorEmail: containsText(filter.actor.toLowerCase()) } : {}),
    ...(filter.outcome ? { outcome: filter.outcome } : {}),
    ...(filter.environment ? { environmentId: filter.environment } : {}),
    ...(filter.target ? { target: containsText(filter.target) } : {}),
    ...(filter.from || filter.to ? { createdAt } : {}),
  };
}

export type AuditListItem = {
  id: string;
  createdAt: string;
  actorEmail: string;
  actorRole: string;
  action: string;
  target: string | null;
  environmentId: string | null;
  environmentName: string | null;
  reason: string | null;
  outcome: string;
  traceId: string | null;
  detail: string | null;
  clientAddress: string | null;
  /** The action as a verb phrase ("Locked device"). */
  actionLabel: string;
  /** Who or what the target is, in words: the person's name or externalRef, a flow's type. */
  targetLabel: string | null;
  /** Where the target can be seen, when the console has a page for it. */
  targetHref: string | null;
};

type AuditRow = AuditEntry;

const unique = (values: (string | null | undefined)[]) => [...new Set(values.filter((v): v is string => !!v))];

/** The names the targets stand for, in a few queries for the whole page (never one per row). */
async function targetNames(targets: (AuditTarget | null)[]) {
  const flowIds = unique(targets.map((t) => (t?.kind === "flow" ? t.flowId : null)));
  const flows = flowIds.length ? await listAuditTargetFlows(flowIds) : [];
  const userIds = unique([...targets.map((t) => (t?.kind === "user" || t?.kind === "device" ? t.userId : null)), ...flows.map((f) => f.userId)]);
  const emails = unique(targets.map((t) => (t?.kind === "staff" ? t.email : null)));
  const [people, staff] = await Promise.all([userIds.length ? listEndUsersByUserIds(userIds) : [], emails.length ? listStaffNamesByEmail(emails) : []]);
  const person = (userId: string | null, environmentId: string | null) => {
    const candidates = people.filter((p) => p.userId === userId);
    const found = candidates.find((p) => p.environmentId === environmentId) ?? candidates[0];
    if (!found) return null;
    return [found.firstName, found.lastName].filter(Boolean).join(" ") || found.externalRef || null;
  };
  return { flows: new Map(flows.map((f) => [f.id, f])), person, staff: new Map(staff.map((s) => [s.email, s.name])) };
}

function describeTarget(target: AuditTarget | null, environmentId: string | null, names: Awaited<ReturnType<typeof targetNames>>): { targetLabel: string | null; targetHref: string | null } {
  const envQuery = environmentId ? `?environmentId=${encodeURIComponent(environmentId)}` : "";
  switch (target?.kind) {
    case "user":
      return { targetLabel: names.person(target.userId, environmentId) ?? MISSING_NAME, targetHref: `/users/${encodeURIComponent(target.userId)}${envQuery}` };
    case "device": {
      const who = names.person(target.userId, environmentId) ?? MISSING_NAME;
      return { targetLabel: `device of ${who}`, targetHref: `/users/${encodeURIComponent(target.userId)}${envQuery}` };
    }
    case "flow": {
      const flow = names.flows.get(target.flowId);
      if (!flow) return { targetLabel: "flow", targetHref: null };
      const who = names.person(flow.userId, flow.environmentId) ?? flow.externalRef;
      return { targetLabel: `${flowTypeLabel(flow.type)}${who ? ` of ${who}` : ""}`, targetHref: `/flows/${encodeURIComponent(flow.id)}` };
    }
    case "staff":
      return { targetLabel: names.staff.get(target.email) ?? null, targetHref: "/staff" };
    default:
      return { targetLabel: null, targetHref: null };
  }
}

async function withEnvironmentNames(rows: AuditRow[]): Promise<AuditListItem[]> {
  const ids = [...new Set(rows.map((r) => r.environmentId).filter((id): id is string => !!id))];
  const targets = rows.map((r) => parseAuditTarget(r.target, r.action));
  const [environments, targetNameLookup] = await Promise.all([ids.length ? listEnvironmentNames(ids) : [], targetNames(targets)]);
  const names = new Map(environments.map((e) => [e.id, e.name]));
  return rows.map((r, i) => ({
    actionLabel: auditActionLabel(r.action, r.detail),
    ...describeTarget(targets[i], r.environmentId, targetNameLookup),
    id: r.id,
    createdAt: r.createdAt.toISOString(),
    actorEmail: r.actorEmail,
    actorRole: r.actorRole,
    action: r.action,
    target: r.target,
    environmentId: r.environmentId,
    environmentName: r.environmentId ? (names.get(r.environmentId) ?? null) : null,
    reason: r.reason,
    outcome: r.outcome,
    traceId: r.traceId,
    detail: r.detail,
    clientAddress: r.clientAddress,
  }));
}

export async function listAuditEntries(filter: AuditFilter, page: number) {
  const where = auditWhere(filter);
  const [rows, total] = await Promise.all([listAuditEntriesNewestFirst(where, { skip: (page - 1) * AUDIT_PAGE_SIZE, take: AUDIT_PAGE_SIZE }), countAuditEntries(where)]);
  return { items: await withEnvironmentNames(rows), total, page, pageSize: AUDIT_PAGE_SIZE };
}

/** The newest AUDIT_EXPORT_MAX_ROWS entries of the filtered view, and whether there were more. */
export async function exportAuditEntries(filter: AuditFilter): Promise<{ items: AuditListItem[]; truncated: boolean }> {
  const rows = await listAuditEntriesNewestFirst(auditWhere(filter), { take: AUDIT_EXPORT_MAX_ROWS + 1 });
  return { items: await withEnvironmentNames(rows.slice(0, AUDIT_EXPORT_MAX_ROWS)), truncated: rows.length > AUDIT_EXPORT_MAX_ROWS };
}

/** The actions present in the trail, for the filter's picker. */
export async function listAuditActions(): Promise<string[]> {
  return listAuditActionNames();
}

const CSV_COLUMNS: [string, (e: AuditListItem) => string | null][] = [
  ["time", (e) => e.createdAt],
  ["actor_email", (e) => e.actorEmail],
  ["actor_role", (e) => e.actorRole],
  ["action", (e) => e.action],
  ["target", (e) => e.target],
  ["environment_id", (e) => e.environmentId],
  ["environment_name", (e) => e.environmentName],
  ["reason", (e) => e.reason],
  ["outcome", (e) => e.outcome],
  ["trace_id", (e) => e.traceId],
  ["detail", (e) => e.detail],
  ["client_address", (e) => e.clientAddress],
  ["id", (e) => e.id],
];

/** RFC 4180 with formula-looking cells defused (lib/http/csv.ts), one row per entry. */
export function auditCsv(items: AuditListItem[]): string {
  return toCsv(
    CSV_COLUMNS.map(([name]) => name),
    items.map((item) => CSV_COLUMNS.map(([, get]) => get(item))),
  );
}
