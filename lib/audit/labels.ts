// How an audit entry reads to a person: its action as a verb phrase ("Locked device") and its
// target as a kind and an id the page can name and link. The stored action and target stay as
// they were recorded; this is only the reading.

const ACTIONS: Record<string, string> = {
  "staff.create": "Added staff user",
  "staff.create_first_admin": "Created the first admin",
  "staff.role.change": "Changed staff role",
  "staff.deactivate": "Deactivated staff user",
  "staff.reactivate": "Reactivated staff user",
  "staff.signin": "Signed in",
  "staff.signin.locked": "Locked sign-in",
  "environment.create": "Added environment",
  "environment.update": "Changed environment",
  "environment.delete": "Deleted environment",
  "environment.test": "Tested environment",
  "flow.onboarding.start": "Started onboarding",
  "flow.stepup.start": "Started step-up",
  "flow.authentication.start": "Started authentication",
  "audit.export": "Exported audit trail",
  "emulator.client.create": "Created emulator client",
  "emulator.client.revoke": "Revoked emulator client",
  "emulator.faults.set": "Set emulator faults",
  "emulator.faults.clear": "Cleared emulator faults",
  "emulator.account.expire": "Expired everything pending",
  "emulator.account.reset": "Reset emulator account",
  "emulator.subscription.create": "Subscribed to events",
  "emulator.subscription.delete": "Deleted event subscription",
  "security.cross_site_refused": "Refused a cross-site request",
};

const USER_VERBS: Record<string, string> = { lock: "Locked user", unlock: "Unlocked user", delete: "Deleted user" };
const DEVICE_VERBS: Record<string, string> = { lock: "Locked device", unlock: "Unlocked device", deactivate: "Deactivated device", delete: "Deleted device", rename: "Renamed device" };

/** "Locked device"; an action this list does not know reads as its words ("some.new_thing" → "Some new thing"). */
export function auditActionLabel(action: string, detail: string | null): string {
  if (action === "user.action") return USER_VERBS[detail ?? ""] ?? "Changed user";
  if (action === "device.action") return DEVICE_VERBS[(detail ?? "").split(" ")[0]] ?? "Changed device";
  const known = ACTIONS[action];
  if (known) return known;
  const words = action.replace(/[._]+/g, " ").trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export type AuditTarget =
  | { kind: "user"; userId: string }
  | { kind: "device"; deviceId: string; userId: string }
  | { kind: "flow"; flowId: string }
  | { kind: "staff"; email: string }
  | { kind: "text"; text: string };

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
