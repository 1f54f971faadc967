// Every action the audit trail records, once: its stored name, how it reads to a person and the
// group the audit page files it under. recordAudit() and route({ action }) take only these names,
// so a typo is a type error; the audit page's filter and the confirmations read their labels here.

export const AUDIT_GROUPS = ["Sign-in", "Staff", "Environments", "Flows", "Users and devices", "Demo", "Emulator", "Audit", "Security"] as const;
export type AuditGroup = (typeof AUDIT_GROUPS)[number];

type AuditActionInfo = { label: string; group: AuditGroup };

export const AUDIT_ACTIONS = {
  "staff.signin": { label: "Signed in", group: "Sign-in" },
  "staff.signin.locked": { label: "Locked sign-in", group: "Sign-in" },
  "staff.signout": { label: "Signed out", group: "Sign-in" },
  "staff.password.change": { label: "Changed own password", group: "Sign-in" },
  "staff.create": { label: "Added staff user", group: "Staff" },
  "staff.create_first_admin": { label: "Created the first admin", group: "Staff" },
  "staff.role.change": { label: "Changed staff role", group: "Staff" },
  "staff.deactivate": { label: "Deactivated staff user", group: "Staff" },
  "staff.reactivate": { label: "Reactivated staff user", group: "Staff" },
  "staff.password.reset": { label: "Reset staff password", group: "Staff" },
  "environment.create": { label: "Added environment", group: "Environments" },
  "environment.update": { label: "Changed environment", group: "Environments" },
  "environment.delete": { label: "Deleted environment", group: "Environments" },
  "environment.test": { label: "Tested environment", group: "Environments" },
  "flow.onboarding.start": { label: "Started onboarding", group: "Flows" },
  "flow.stepup.start": { label: "Started step-up", group: "Flows" },
  "flow.authentication.start": { label: "Started authentication", group: "Flows" },
  // One name for every user or device action; the entry's detail says which (USER_ACTION_LABELS, DEVICE_ACTION_LABELS).
  "user.action": { label: "Changed user", group: "Users and devices" },
  "device.action": { label: "Changed device", group: "Users and devices" },
  "demo.flow.start": { label: "Started demo flow", group: "Demo" },
  "demo.brand.create": { label: "Saved demo brand", group: "Demo" },
  "demo.brand.delete": { label: "Deleted demo brand", group: "Demo" },
  "demo.reset": { label: "Reset demo to baseline", group: "Demo" },
  "emulator.client.create": { label: "Created emulator client", group: "Emulator" },
  "emulator.client.revoke": { label: "Revoked emulator client", group: "Emulator" },
  "emulator.faults.set": { label: "Set emulator faults", group: "Emulator" },
  "emulator.faults.clear": { label: "Cleared emulator faults", group: "Emulator" },
  "emulator.account.expire": { label: "Expired everything pending", group: "Emulator" },
  "emulator.account.reset": { label: "Reset emulator account", group: "Emulator" },
  "emulator.subscription.create": { label: "Subscribed to events", group: "Emulator" },
  "emulator.subscription.delete": { label: "Deleted event subscription", group: "Emulator" },
  "audit.export": { label: "Exported audit trail", group: "Audit" },
  "security.cross_site_refused": { label: "Refused a cross-site request", group: "Security" },
} as const satisfies Record<string, AuditActionInfo>;

export type AuditAction = keyof typeof AUDIT_ACTIONS;

/** What support may do to an end-user, as recorded in a user.action entry's detail. */
export const USER_ACTION_LABELS = { lock: "Locked user", unlock: "Unlocked user", delete: "Deleted user" } as const;
/** What support may do to a device; a device.action entry's detail starts with one of these. */
export const DEVICE_ACTION_LABELS = { lock: "Locked device", unlock: "Unlocked device", deactivate: "Deactivated device", delete: "Deleted device", rename: "Renamed device" } as const;

export function isAuditAction(action: string): action is AuditAction {
  return Object.hasOwn(AUDIT_ACTIONS, action);
}

export type AuditActionOption = { action: string; label: string };

/** The audit page's action filter: every known action by group, then any other the trail holds (older names, fixtures). */
export function auditActionOptions(inTrail: readonly string[] = []): { group: string; options: AuditActionOption[] }[] {
  const entries = Object.entries(AUDIT_ACTIONS) as [AuditAction, AuditActionInfo][];
  const groups: { group: string; options: AuditActionOption[] }[] = AUDIT_GROUPS.map((group) => ({
    group,
    options: entries.filter(([, info]) => info.group === group).map(([action, info]) => ({ action, label: info.label })),
  }));
  const others = inTrail.filter((a) => !isAuditAction(a));
  if (others.length) groups.push({ group: "Other", options: others.map((action) => ({ action, label: action })) });
  return groups;
}
