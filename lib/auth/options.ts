import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { clientAddress } from "@/lib/security/proxy-trust";
import { signInWithGuard } from "./sign-in-guard";
import { authSecret } from "./secret";
import { isRole } from "./roles";
import { oidcProvider, OIDC_PROVIDER_ID, readSignInSettings } from "./oidc";
import { signInWithOidc } from "./oidc-sign-in";
import { endStaffSession, staffForSession, startStaffSession } from "./staff-sessions";
import { recordAudit } from "@/lib/audit/record";
import { log } from "@/lib/log";
import { settings, trustAuthHostWithoutPublicUrl } from "@/lib/config";

// The cookie lives as long as the server-side session may (lib/auth/staff-sessions.ts), which
// ends sooner on sign-out, idleness, deactivation, a role or password change.
export const SESSION_MAX_AGE_SECONDS = settings().SESSION_MAX_HOURS * 60 * 60;

trustAuthHostWithoutPublicUrl();

export function authOptions(): NextAuthOptions {
  const signInSettings = readSignInSettings();
  return {
    secret: authSecret(),
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    jwt: { maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: "/signin", error: "/signin" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(credentials, req) {
          const address = clientAddress((req?.headers ?? {}) as Record<string, string>);
          const staff = await signInWithGuard(String(credentials?.email ?? ""), String(credentials?.password ?? ""), address);
          return staff ? { id: staff.id, email: staff.email, name: staff.name, role: staff.role } : null;
        },
      }),
      ...(signInSettings.oidc ? [oidcProvider(signInSettings.oidc)] : []),
    ].filter((provider) => signInSettings.password || provider.id !== "credentials"),
    logger: {
      // An ended session reaching /api/auth/session is expected (signed out elsewhere, idle, revoked): one info line, not a stack.
      error(code, metadata) {
        if (code === "JWT_SESSION_ERROR") log.info("session refused: it has ended or is unknown");
        else console.error(`[next-auth][error][${code}]`, metadata);
      },
      warn: (code) => console.warn(`[next-auth][warn][${code}]`),
      debug: () => {},
    },
    events: {
      async signOut({ token }) {
        const staff = token ? await staffForSession(token.sid, token.sub) : null;
        await endStaffSession(token?.sid, "signed out");
        if (staff) await recordAudit({ actor: staff, action: "staff.signout", target: staff.email, outcome: "ok", detail: "the session ended on the server" });
      },
    },
    callbacks: {
      async signIn({ user, account, profile }) {
        if (account?.provider !== OIDC_PROVIDER_ID) return true;
        if (!signInSettings.oidc || !profile) return false;
        const result = await signInWithOidc(profile as Record<string, unknown>, signInSettings.oidc);
        if (!result.ok) return `/signin?error=${result.refusal}`;
        // Without an adapter next-auth hands this same object to jwt(): the session's sub becomes the StaffUser id.
        Object.assign(user, { id: result.staff.id, name: result.staff.name, email: result.staff.email, role: result.staff.role });
        return true;
      },
      async jwt({ token, user }) {
        if (user) {
          token.sub = user.id;
          token.role = (user as { role?: string }).role;
          token.sid = await startStaffSession(user.id);
          return token;
        }
        // Every later use (/api/auth/session included) asks the server-side session: an ended
        // one throws, and next-auth then clears the cookie and answers no session.
        const staff = await staffForSession(token.sid, token.sub);
        if (!staff) throw new Error("The session has ended.");
        token.role = staff.role;
        token.name = staff.name;
        token.email = staff.email;
        return token;
      },
      session({ session, token }) {
        if (session.user) {
          Object.assign(session.user, { id: token.sub, role: isRole(token.role) ? token.role : "viewer" });
        }
        return session;
      },
    },
  };
}
