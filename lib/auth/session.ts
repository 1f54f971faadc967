// Who is asking: the staff user behind a request's next-auth session cookie, read
// straight from the cookie so route handlers and their tests need no framework context.
import { decode } from "next-auth/jwt";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { getActiveStaff } from "@/lib/staff";
import { canRead, type StaffSession } from "./roles";
import { authSecret } from "./secret";

const COOKIE_NAMES = ["__Secure-next-auth.session-token", "next-auth.session-token"];

function readCookie(header: string | null, name: string): string | undefined {
  for (const part of (header ?? "").split(";")) {
    const [k, ...v] = part.trim().split("=");
    if (k === name) return decodeURIComponent(v.join("="));
  }
  return undefined;
}

async function staffFromToken(raw: string | undefined): Promise<StaffSession | null> {
  if (!raw) return null;
  try {
    const token = await decode({ token: raw, secret: authSecret() });
    return token?.sub ? await getActiveStaff(token.sub) : null;
  } catch {
    return null;
  }
}

export async function sessionFromRequest(request: Request): Promise<StaffSession | null> {
  const header = request.headers.get("cookie");
  for (const name of COOKIE_NAMES) {
    const staff = await staffFromToken(readCookie(header, name));
    if (staff) return staff;
  }
  return null;
}

/** For server components. */
export async function currentStaff(): Promise<StaffSession | null> {
  const jar = await cookies();
  for (const name of COOKIE_NAMES) {
    const staff = await staffFromToken(jar.get(name)?.value);
    if (staff) return staff;
  }
  return null;
}

/**
 * The signed-in staff user a page renders for, or a redirect to sign-in. Every console page
 * calls it itself: a layout is not re-run on client navigations, so it cannot guard pages alone.
 */
export async function requireStaff(): Promise<StaffSession> {
  const staff = await currentStaff();
  // The demo role reads no console page: its one page is the presenter view.
  if (staff && !canRead(staff)) redirect("/demo");
  if (staff) return staff;
  const path = (await headers()).get("x-console-path");
  redirect(path && path !== "/" ? `/signin?callbackUrl=${encodeURIComponent(path)}` : "/signin");
}
