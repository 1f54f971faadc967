// The audit trail: one append-only record per action by a staff member (or a sign-in attempt).
import type { AuditAction } from "@/lib/audit/actions";
import { insertAuditEntry } from "@/lib/data/queries/audit-entries";

export type AuditActor = { id: string | null; email: string; role: string };

export type AuditInput = {
  actor: AuditActor;
  /** One of lib/audit/actions.ts: a name not in that list is a type error. */
  action: AuditAction;
  target?: string | null;
  environmentId?: string | null;
  reason?: string | null;
  outcome: "ok" | "error";
  traceId?: string | null;
  detail?: string | null;
  /** Where the request came from (lib/security/proxy-trust.ts clientAddress). */
  clientAddress?: string | null;
};

export async function recordAudit(entry: AuditInput): Promise<void> {
  await insertAuditEntry({
    actorId: entry.actor.id,
    actorEmail: entry.actor.email,
    actorRole: entry.actor.role,
    action: entry.action,
    target: entry.target ?? null,
    environmentId: entry.environmentId ?? null,
    reason: entry.reason ?? null,
    outcome: entry.outcome,
    traceId: entry.traceId ?? null,
    detail: entry.detail?.slice(0, 2000) ?? null,
    clientAddress: entry.clientAddress && entry.clientAddress !== "unknown" ? entry.clientAddress.slice(0, 64) : null,
  });
}
