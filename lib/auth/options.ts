import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { authenticateStaff } from "@/lib/staff";
import { recordAudit } from "@/lib/audit";
import { authSecret } from "./secret";
import { isRole } from "./roles";

export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

// Without NEXTAUTH_URL next-auth would assume http://localhost:3000; the console serves
// on any port, so it takes the origin from the request instead.
if (!process.env.NEXTAUTH_URL) process.env.AUTH_TRUST_HOST ??= "true";

export function authOptions(): NextAuthOptions {
  return {
    secret: authSecret(),
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: "/signin", error: "/signin" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(credentials) {
          const email = String(credentials?.email ?? "");
          const staff = await authenticateStaff(email, String(credentials?.password ?? ""));
          await recordAudit({
            actor: staff ?? { id: null, email: email.slice(0, 200) || "(empty)", role: "none" },
            action: "staff.signin",
            outcome: staff ? "ok" : "error",
            detail: staff ? undefined : "wrong email or password, or deactivated",
          });
          return staff ? { id: staff.id, email: staff.email, name: staff.name, role: staff.role } : null;
        },
      }),
    ],
    callbacks: {
      async jwt({ token, user }) {
        if (user) {
          token.sub = user.id;
          token.role = (user as { role?: string }).role;
        }
        return token;
      },
      async session({ session, token }) {
        if (session.user) {
          Object.assign(session.user, { id: token.sub, role: isRole(token.role) ? token.role : "viewer" });
        }
        return session;
      },
    },
  };
}
