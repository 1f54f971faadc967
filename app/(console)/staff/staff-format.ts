import { isRole, ROLE_LABELS } from "@/lib/auth/roles";

export const roleLabel = (role: string) => (isRole(role) ? ROLE_LABELS[role] : role);

export const ROLE_DESCRIPTIONS = {
  admin: "environments, staff and everything else",
  support: "users and devices, the audit trail, and read",
  tester: "runs flows, and read",
  viewer: "read only",
  demo: "the presenter view at /demo and its Demo environment only",
} as const;
