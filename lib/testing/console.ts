/**
 * Test helpers for the console's route handlers: real staff users in the test database,
 * real next-auth session cookies, and Requests shaped as a browser would send them.
 */
import { encode } from "next-auth/jwt";
import { authSecret } from "@/lib/auth/secret";
import type { Role, StaffSession } from "@/lib/auth/roles";
import type { TestJson } from "./emulator-fixtures";
import { createStaffUser } from "@/lib/staff/accounts";
import { startStaffSession } from "@/lib/auth/staff-sessions";
import { getOldestLiveEnvironment } from "@/lib/data/queries/environments";
import { bootstrap } from "@/lib/setup/bootstrap";

let counter = 0;

export async function staffWithRole(role: Role): Promise<StaffSession> {
  const user = await createStaffUser({ email: `${role}-${++counter}-${Date.now()}@example.test`, name: `${role} ${counter}`, password: "password-for-tests", role });
  return { id: user.id, email: user.email, name: user.name, role };
}

/** A set-up console's embedded environment and a tester: what a flow row written by a test needs. */
export async function flowOwners(): Promise<{ environmentId: string; startedById: string }> {
  await bootstrap();
  const startedById = (await staffWithRole("tester")).id;
  const environment = await getOldestLiveEnvironment();
  if (!environment) throw new Error("bootstrap made no environment");
  return { environmentId: environment.id, startedById };
}

/** A session cookie as next-auth's sign-in issues it, with a live server-side session behind it. */
export async function sessionCookie(staff: StaffSession, sessionId?: string): Promise<string> {
  const sid = sessionId ?? (await startStaffSession(staff.id));
  const token = await encode({ token: { sub: staff.id, email: staff.email, name: staff.name, role: staff.role, sid }, secret: authSecret() });
  return `next-auth.session-token=${token}`;
}

export async function apiRequest(path: string, options: { method?: string; json?: unknown; body?: string; staff?: StaffSession | null } = {}): Promise<Request> {
  const headers: Record<string, string> = {};
  if (options.staff) headers.cookie = await sessionCookie(options.staff);
  if (options.json !== undefined) headers["content-type"] = "application/json";
  return new Request(`http://console.test${path}`, {
    method: options.method ?? (options.json !== undefined || options.body !== undefined ? "POST" : "GET"),
    headers,
    body: options.json !== undefined ? JSON.stringify(options.json) : options.body,
  });
}

export const routeParams = <T extends Record<string, string>>(params: T) => ({ params: Promise.resolve(params) });

export async function json<T = TestJson>(response: Response): Promise<{ status: number; body: T }> {
  return { status: response.status, body: (await response.json()) as T };
}

/** A loopback URL where nothing listens: a port taken from the OS and released again. */
export async function closedPortUrl(path = "/emulator"): Promise<string> {
  const { createServer } = await import("node:net");
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return `http://127.0.0.1:${port}${path}`;
}
