// What a company sign-in does to the staff list: finds the staff user by email or creates
// one, sets the role from the claim every time, refuses the deactivated and the unmapped,
// and leaves a record of each attempt in the audit trail.
import { countActiveAdmins, getStaffUserByEmail, getStaffUserByEmailOrThrow, insertStaffUser, updateStaffUser } from "@/lib/data/queries/staff-users";
import { recordAudit } from "@/lib/audit/record";
import { normalizeEmail } from "@/lib/staff/accounts";
import { claimValues, roleFromClaims, type OidcConfig } from "./oidc";
import type { Role, StaffSession } from "./roles";

/** Each refusal is also the `?error=` code the sign-in page explains. */
export const OIDC_REFUSALS = {
  SsoNoEmail: "the provider sent no email address",
  SsoEmailUnverified: "the provider says the email address is not verified",
  SsoNoRole: "no console role is mapped from the role claim",
  SsoDeactivated: "the staff user is deactivated",
} as const;
export type OidcRefusal = keyof typeof OIDC_REFUSALS;

export type OidcSignInResult = { ok: true; staff: StaffSession } | { ok: false; refusal: OidcRefusal };

const METHOD = "method: oidc";

export async function signInWithOidc(claims: Record<string, unknown>, config: OidcConfig): Promise<OidcSignInResult> {
  const email = typeof claims.email === "string" && claims.email.includes("@") ? normalizeEmail(claims.email) : null;
  if (!email) return refuse({ email: `(no email; sub ${String(claims.sub).slice(0, 100)})` }, "SsoNoEmail");
  // Absent means the provider does not say (Entra ID); only an explicit false refuses.
  if (claims.email_verified === false || claims.email_verified === "false") return refuse({ email }, "SsoEmailUnverified");

  const role = roleFromClaims(claims, config);
  const existing = await getStaffUserByEmail(email);
  if (existing && !existing.active) return refuse({ id: existing.id, email }, "SsoDeactivated");
  if (!role) return refuse({ id: existing?.id ?? null, email }, "SsoNoRole", describeClaim(claims, config));

  if (!existing) {
    const created = await createFromSso(email, displayName(claims, email), role);
    if (created) {
      await recordAudit({ actor: created, action: "staff.create", target: email, reason: "provisioned by single sign-on", outcome: "ok", detail: `role ${role} from the ${config.roleClaim} claim` });
      await recordAudit({ actor: created, action: "staff.signin", outcome: "ok", detail: METHOD });
      return { ok: true, staff: created };
    }
    // Another sign-in of the same person created the row a moment ago: carry on as a returning user.
  }
  const current = existing ?? (await getStaffUserByEmailOrThrow(email));
  if (!current.active) return refuse({ id: current.id, email }, "SsoDeactivated");
  // The claim decides the role, except that it never demotes the last active admin.
  const keepsLastAdmin = current.role === "admin" && role !== "admin" && (await countActiveAdmins()) <= 1;
  const granted: Role = keepsLastAdmin ? "admin" : role;
  if (current.role !== granted) await updateStaffUser(current.id, { role: granted });
  const staff: StaffSession = { id: current.id, email: current.email, name: current.name, role: granted };
  const change = keepsLastAdmin
    ? `; the ${config.roleClaim} claim says ${role}, kept admin: the last active admin`
    : current.role !== role
      ? `; role ${current.role} → ${role} from the ${config.roleClaim} claim`
      : "";
  await recordAudit({ actor: staff, action: "staff.signin", outcome: "ok", detail: METHOD + change });
  return { ok: true, staff };
}

async function createFromSso(email: string, name: string, role: Role): Promise<StaffSession | null> {
  try {
    const row = await insertStaffUser({ email, name, role, passwordHash: null });
    return { id: row.id, email: row.email, name: row.name, role };
  } catch (error) {
    if ((error as { code?: string })?.code === "P2002") return null;
    throw error;
  }
}

async function refuse(actor: { id?: string | null; email: string }, refusal: OidcRefusal, more?: string): Promise<OidcSignInResult> {
  await recordAudit({
    actor: { id: actor.id ?? null, email: actor.email.slice(0, 200), role: "none" },
    action: "staff.signin",
    outcome: "error",
    detail: `${METHOD}; ${OIDC_REFUSALS[refusal]}${more ? ` (${more})` : ""}`,
  });
  return { ok: false, refusal };
}

function displayName(claims: Record<string, unknown>, email: string): string {
  const name = [claims.name, claims.preferred_username].find((v): v is string => typeof v === "string" && v.trim() !== "");
  return (name ?? email.split("@")[0]).trim().slice(0, 100);
}

function describeClaim(claims: Record<string, unknown>, config: OidcConfig): string {
  const values = claimValues(claims, config.roleClaim);
  return values.length ? `${config.roleClaim}: ${values.join(", ").slice(0, 300)}` : `no ${config.roleClaim} claim`;
}
