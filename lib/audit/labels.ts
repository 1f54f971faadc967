// How an audit entry reads to a person: its action as a verb phrase ("Locked device") and its
// target as a kind and an id the page can name and link. The stored action and target stay as
// they were recorded; this is only the reading. The labels themselves live in ./actions.
import { AUDIT_ACTIONS, DEVICE_ACTION_LABELS, isAuditAction, USER_ACTION_LABELS } from "./actions";

const USER_VERBS: Record<string, string> = USER_ACTION_LABELS;
const DEVICE_VERBS: Record<string, string> = DEVICE_ACTION_LABELS;

/** "Locked device"; an action this list does not know reads as its words ("some.new_thing" → "Some new thing"). */
export function auditActionLabel(action: string, detail: string | null): string {
  if (action === "user.action") return USER_VERBS[detail ?? ""] ?? AUDIT_ACTIONS["user.action"].label;
  if (action === "device.action") return DEVICE_VERBS[(detail ?? "").split(" ")[0]] ?? AUDIT_ACTIONS["device.action"].label;
  if (isAuditAction(action)) return AUDIT_ACTIONS[action].label;
  const words = action.replace(/[._]+/g, " ").trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export type AuditTarget =
  { kind: "user"; userId: string } | { kind: "device"; deviceId: string; userId: string } | { kind: "flow"; flowId: string } | { kind: "staff"; email: string } | { kind: "text"; text: string };

const EMAIL = /^[^\s@]+@[^\s@]+$/;

/** Reads the target the route handlers write: "user u-1", "device d-1 of user u-1", "flow f-1", an email. */
export function parseAuditTarget(target: string | null, action: string): AuditTarget | null {
  if (!target) return null;
  let m = /^device (\S+) of user (\S+)$/.exec(target);
  if (m) return { kind: "device", deviceId: m[1], userId: m[2] };
  m = /^user (\S+)$/.exec(target);
  if (m) return { kind: "user", userId: m[1] };
  m = /^flow (\S+)$/.exec(target);
  if (m) return { kind: "flow", flowId: m[1] };
  if (action.startsWith("staff.") && EMAIL.test(target)) return { kind: "staff", email: target };
  return { kind: "text", text: target };
}
