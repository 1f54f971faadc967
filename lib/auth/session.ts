// Who is asking: the staff user behind a request's next-auth session cookie, read
// straight from the cookie so route handlers and their tests need no framework context. The
// cookie's session id must name a live server-side session (lib/auth/staff-sessions.ts).
import { decode } from "next-auth/jwt";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { log } from "@/lib/log";
import { canRead } from "./roles";
import { authSecret } from "./secret";
import { staffForSession, type SessionStaff } from "./staff-sessions";

/** Where someone whose password an admin reset chooses a new one; nothing else opens until they do. */
export const CHOOSE_PASSWORD_PATH = "/account/password";

const COOKIE_NAMES = ["__Secure-next-auth.session-token", "next-auth.session-token"];

function readCookie(header: string | null, name: string): string | undefined {
  for (const part of (header ?? "").split(";")) {
    const [k, ...v] = part.trim().split("=");
    if (k === name) return decodeURIComponent(v.join("="));
  }
  return undefined;
}

async function staffFromToken(raw: string | undefined): Promise<SessionStaff | null> {
  if (!raw) return null;
  let token: Awaited<ReturnType<typeof decode>>;
  try {
    token = await decode({ token: raw, secret: authSecret() });
  } catch {
    return null; // not a cookie this console signed
  }
  return token?.sub ? await staffForSession(token.sid, token.sub) : null;
}

export async function sessionFromRequest(request: Request): Promise<SessionStaff | null> {
  const header = request.headers.get("cookie");
  for (const name of COOKIE_NAMES) {
    const staff = await staffFromToken(readCookie(header, name));
    if (staff) return staff;
  }
  return null;
}

/**
 * For server components. Read once per render: the console's layout and its page both ask, and
 * each lookup was a cookie decryption and a session read (about 5 ms of a 35 ms overview).
 * Outside a render (route handlers, tests) React's cache() does not keep anything.
 */
export const currentStaff = cache(async function currentStaff(): Promise<SessionStaff | null> {
  const jar = await cookies();
  for (const name of COOKIE_NAMES) {
    const staff = await staffFromToken(jar.get(name)?.value);
    if (staff) return staff;
  }
  return null;
});

/**
 * The signed-in staff user a page renders for, or a redirect to sign-in. Every console page
 * calls it itself: a layout is not re-run on client navigations, so it cannot guard pages alone.
 */
export async function requireStaff(): Promise<SessionStaff> {
  const staff = await currentStaff();
  const path = (await headers()).get("x-console-path");
  if (staff) {
    // One line per page load, so which instance served whom shows in the logs.
    log.info("page", { path: path?.split("?")[0], staffId: staff.id });
    const choosingPassword = path?.startsWith(CHOOSE_PASSWORD_PATH) ?? false;
    if (staff.mustChangePassword && !choosingPassword) redirect(CHOOSE_PASSWORD_PATH);
    // The demo role reads no console page: its one page is the presenter view.
    if (!canRead(staff) && !choosingPassword) redirect("/demo");
    return staff;
  }
  redirect(path && path !== "/" ? `/signin?callbackUrl=${encodeURIComponent(path)}` : "/signin");
}
