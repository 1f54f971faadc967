// How staff sign in: the optional OpenID Connect provider ("company sign-in") and whether the
// email-and-password form is on, read from the environment, and the role a person's claims
// map to. docs/single-sign-on.md explains every setting.
import type { OAuthConfig } from "next-auth/providers/oauth";
import { ROLES, isRole, type Role } from "./roles";
import { environment } from "@/lib/config";
import { OIDC_PROVIDER_ID } from "./oidc-provider-id";

export { OIDC_PROVIDER_ID };

export type OidcConfig = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The button says "Sign in with <name>". */
  name: string;
  scope: string;
  roleClaim: string;
  /** Claim value → console role. */
  roleMap: ReadonlyMap<string, Role>;
  /** The role of someone whose claim maps to none; null refuses them. */
  defaultRole: Role | null;
};

export type SignInSettings = { password: boolean; oidc: OidcConfig | null };

export class SignInConfigError extends Error {
  constructor(problems: string[]) {
    super(`Sign-in settings: ${problems.join(" ")}`);
    this.name = "SignInConfigError";
  }
}

type Env = Record<string, string | undefined>;
const ROLE_LIST = ROLES.join(", ");

/** Reads and checks the sign-in settings; a half-configured or locked-out setup throws with every problem named. */
export function readSignInSettings(env: Env = environment()): SignInSettings {
  const problems: string[] = [];
  const password = parsePasswordSignIn(env.PASSWORD_SIGNIN, problems);
  const oidc = parseOidc(env, problems);
  if (!password && !oidc && problems.length === 0) {
    problems.push("PASSWORD_SIGNIN=false needs single sign-on (OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET), or nobody could sign in.");
  }
  if (problems.length) throw new SignInConfigError(problems);
  return { password, oidc };
}

function parsePasswordSignIn(value: string | undefined, problems: string[]): boolean {
  const v = value?.trim().toLowerCase();
  if (!v || v === "true") return true;
  if (v === "false") return false;
  problems.push(`PASSWORD_SIGNIN must be true or false, not "${value}".`);
  return true;
}

function parseOidc(env: Env, problems: string[]): OidcConfig | null {
  const get = (name: string) => env[name]?.trim() || undefined;
  const issuer = get("OIDC_ISSUER")?.replace(/\/+$/, "");
  const clientId = get("OIDC_CLIENT_ID");
  const clientSecret = get("OIDC_CLIENT_SECRET");
  if (!issuer && !clientId && !clientSecret) return null;

  const before = problems.length;
  if (!issuer) problems.push("OIDC_ISSUER is required for single sign-on.");
  else if (!isAcceptableIssuer(issuer)) problems.push(`OIDC_ISSUER must be an https URL (http only on this machine: localhost, 127.0.0.1), not "${issuer}".`);
  if (!clientId) problems.push("OIDC_CLIENT_ID is required for single sign-on.");
  if (!clientSecret) problems.push("OIDC_CLIENT_SECRET is required for single sign-on.");
  const roleMap = parseRoleMap(get("OIDC_ROLE_MAP") ?? "", problems);
  const defaultRoleText = get("OIDC_DEFAULT_ROLE");
  if (defaultRoleText && !isRole(defaultRoleText)) problems.push(`OIDC_DEFAULT_ROLE must be one of ${ROLE_LIST}, not "${defaultRoleText}".`);
  const defaultRole = isRole(defaultRoleText) ? defaultRoleText : null;
  if (roleMap.size === 0 && !defaultRole) problems.push("OIDC_ROLE_MAP (or OIDC_DEFAULT_ROLE) is required: without it nobody could sign in with single sign-on.");
  if (problems.length > before) return null;

  return {
    issuer: issuer!,
    clientId: clientId!,
    clientSecret: clientSecret!,
    name: get("OIDC_NAME") ?? "company sign-in",
    scope: get("OIDC_SCOPE") ?? "openid email profile",
    roleClaim: get("OIDC_ROLE_CLAIM") ?? "roles",
    roleMap,
    defaultRole,
  };
}

function isAcceptableIssuer(value: string): boolean {
  try {
    const url = new URL(value);
    if (url.protocol === "https:") return true;
    return url.protocol === "http:" && ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname);
  } catch {
    return false;
  }
}

/**
 * `value=role` pairs separated by commas (`console-admins=admin,console-testers=tester`), or a
 * JSON object for values that contain commas (LDAP-style group names).
 */
export function parseRoleMap(text: string, problems: string[]): Map<string, Role> {
  const map = new Map<string, Role>();
  const trimmed = text.trim();
  if (!trimmed) return map;
  let pairs: [string, unknown][];
  if (trimmed.startsWith("{")) {
    try {
      const parsed: unknown = JSON.parse(trimmed);
      pairs = parsed && typeof parsed === "object" && !Array.isArray(parsed) ? Object.entries(parsed) : [];
    } catch {
      problems.push("OIDC_ROLE_MAP starts with { but is not a JSON object.");
      return map;
    }
  } else {
    pairs = trimmed
      .split(",")
      .filter((part) => part.trim())
      .map((part) => {
        const at = part.lastIndexOf("=");
        return at < 0 ? [part.trim(), undefined] : [part.slice(0, at).trim(), part.slice(at + 1).trim()];
      });
  }
  for (const [value, role] of pairs) {
    if (!value) problems.push(`OIDC_ROLE_MAP has an entry without a claim value ("=${String(role)}").`);
    else if (role === undefined) problems.push(`OIDC_ROLE_MAP entry "${value}" needs =role (one of ${ROLE_LIST}).`);
    else if (!isRole(role)) problems.push(`OIDC_ROLE_MAP entry "${value}" names "${typeof role === "string" ? role : JSON.stringify(role)}", which is not a role (${ROLE_LIST}).`);
    else map.set(value, role);
  }
  return map;
}

/**
 * The strings in a claim that may be a string, an array of strings or missing. A name that is
 * not a claim itself is followed as a dotted path (Keycloak's `realm_access.roles`); names
 * with dots that are claims (Auth0's `https://example.com/roles`) are taken as they are.
 */
export function claimValues(claims: Record<string, unknown>, name: string): string[] {
  let value: unknown = claims[name];
  if (value === undefined && name.includes(".")) {
    value = name.split(".").reduce<unknown>((at, key) => (at && typeof at === "object" ? (at as Record<string, unknown>)[key] : undefined), claims);
  }
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === "string");
  return [];
}

/**
 * The console role for these claims: when several values map, the strongest role wins (admin,
 * then support, tester, viewer); when none does, the default role, or null to refuse.
 */
export function roleFromClaims(claims: Record<string, unknown>, config: Pick<OidcConfig, "roleClaim" | "roleMap" | "defaultRole">): Role | null {
  const mapped = new Set(claimValues(claims, config.roleClaim).map((v) => config.roleMap.get(v)));
  return ROLES.find((role) => mapped.has(role)) ?? config.defaultRole;
}

export type OidcClaims = Record<string, unknown> & { sub: string; email?: string; name?: string; email_verified?: unknown };

/** next-auth's provider for the configured issuer: discovery, authorization code with PKCE and state, claims from the ID token. */
export function oidcProvider(config: OidcConfig): OAuthConfig<OidcClaims> {
  return {
    id: OIDC_PROVIDER_ID,
    name: config.name,
    type: "oauth",
    wellKnown: `${config.issuer}/.well-known/openid-configuration`,
    clientId: config.clientId,
    clientSecret: config.clientSecret,
    authorization: { params: { scope: config.scope } },
    idToken: true,
    checks: ["pkce", "state"],
    profile: (claims) => ({ id: claims.sub, name: typeof claims.name === "string" ? claims.name : null, email: typeof claims.email === "string" ? claims.email : null, image: null }),
  };
}
