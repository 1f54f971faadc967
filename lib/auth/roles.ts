// Staff roles and what each may do, as named predicates. Every route handler and page
// asks one of these; the UI asks the same ones to decide what to offer.
export const ROLES = ["admin", "support", "tester", "viewer", "demo"] as const;
export type Role = (typeof ROLES)[number];

export type StaffSession = { id: string; email: string; name: string; role: Role };

export const ROLE_LABELS: Record<Role, string> = {
  admin: "Admin",
  support: "Support",
  tester: "Tester",
  viewer: "Viewer",
  demo: "Sales engineer (demo only)",
};

const is =
  (...roles: Role[]) =>
  (s: StaffSession | null | undefined) =>
    !!s && roles.includes(s.role);

/**
 * Decided for demos (issue 14): a sales engineer gets the "demo" role, which sees and runs
 * only the presenter view at /demo and its own Demo environment (a separate emulator account),
 * never the console's other pages, flows, users or environments.
 */
export const canRead = is("admin", "support", "tester", "viewer");
export const canRunFlows = is("admin", "tester");
export const canManageUsersAndDevices = is("admin", "support");
export const canManageEnvironments = is("admin");
export const canManageStaff = is("admin");
/** The audit trail shows who did what to whom: admins, and support who answer for users. */
export const canReadAudit = is("admin", "support");
/** The emulator's API clients: the console itself signs in with one of them. */
export const canManageEmulatorClients = is("admin");
/** Event subscriptions, faults, expire-now and reset: testers use them to try their integration. */
export const canConfigureEmulator = is("admin", "tester");

/** The presenter view: run the demo story, reset the Demo environment, make and remove brand profiles. */
export const canPresentDemos = is("admin", "tester", "demo");

export type Permission = (s: StaffSession | null | undefined) => boolean;

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}
