// Every console route handler, every HTTP method it exports, called with no session and
// with each role's session: refused (401/403) or allowed exactly as the role matrix below
// says. Files are found on disk, so a new route that is not in the matrix fails this test.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bootstrap } from "@/lib/setup/bootstrap";
import { ROLES, type Role, type StaffSession } from "@/lib/auth/roles";
import { startEmulatorServer, type EmulatorServer } from "@/lib/testing/emulator-server";
import { apiRequest, staffWithRole } from "@/lib/testing/console";

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
/** Everyone who reads the console; the demo role sees only the presenter view and its Demo environment. */
const ALL: Role[] = ROLES.filter((role) => role !== "demo");
const ADMIN: Role[] = ["admin"];
const PRESENTERS: Role[] = ["admin", "tester", "demo"];

/** Routes anyone may call, each with the reason it is public. Keyed by folder. */
const PUBLIC: Record<string, string> = {
  "/api/health": "the liveness probe of load balancers and the browser tests; says only ok or error",
  "/api/health/ready": "the readiness probe of load balancers and orchestrators; says only ready or why not (database, pending migration names)",
  "/api/setup": "the first-run page creates the first admin before anyone can sign in; refuses once a staff user exists",
  "/api/auth/[...nextauth]": "next-auth's own sign-in, sign-out and session endpoints",
  "/api/events/[environmentId]": "Signicat's Events webhook: Signicat has no session; the HMAC signature under the environment's events secret is the authentication (app/api/events/events.test.ts)",
};

/** Who may call what. "METHOD /api/folder/[param]" → the roles allowed; everyone else gets 403. */
const MATRIX: Record<string, Role[]> = {
  "GET /api/audit": ["admin", "support"],
  "GET /api/audit/export": ["admin", "support"],
  "GET /api/demo/brands": PRESENTERS,
  "POST /api/demo/brands": PRESENTERS,
  "DELETE /api/demo/brands/[id]": PRESENTERS,
  "POST /api/demo/reset": PRESENTERS, // only ever the Demo environment's own emulator account and records
  "POST /api/demo/flows": PRESENTERS,
  "GET /api/demo/flows/[id]": PRESENTERS, // a flow of another environment is "not found"
  "GET /api/demo/flows/[id]/proofing": PRESENTERS,
  "GET /api/demo/flows/[id]/images/[depiction]": PRESENTERS,
  "GET /api/document-types": ALL,
  "GET /api/emulator-admin/accounts": ALL,
  "GET /api/emulator-admin/clients": ALL,
  "POST /api/emulator-admin/clients": ADMIN,
  "POST /api/emulator-admin/clients/[clientId]/revoke": ADMIN,
  "GET /api/emulator-admin/accounts/[accountId]/subscriptions": ALL,
  "POST /api/emulator-admin/accounts/[accountId]/subscriptions": ["admin", "tester"],
  "DELETE /api/emulator-admin/accounts/[accountId]/subscriptions/[subscriptionId]": ["admin", "tester"],
  "GET /api/emulator-admin/accounts/[accountId]/deliveries": ALL,
  "GET /api/emulator-admin/accounts/[accountId]/faults": ALL,
  "PUT /api/emulator-admin/accounts/[accountId]/faults": ["admin", "tester"],
  "DELETE /api/emulator-admin/accounts/[accountId]/faults": ["admin", "tester"],
  "POST /api/emulator-admin/accounts/[accountId]/expire": ["admin", "tester"],
  "POST /api/emulator-admin/accounts/[accountId]/reset": ["admin", "tester"],
  "GET /api/environments": ALL,
  "POST /api/environments": ADMIN,
  "GET /api/environments/[id]": ALL,
  "PATCH /api/environments/[id]": ADMIN,
  "DELETE /api/environments/[id]": ADMIN,
  "POST /api/environments/[id]/test": ADMIN,
  "GET /api/environments/[id]/postman": ALL,
  "POST /api/environments/select": ALL, // only picks which environment the caller's pages show
  "GET /api/flows": ALL,
  "GET /api/openapi.json": ALL,
  "GET /api/flows/export": ALL,
  "POST /api/flows/onboarding": ["admin", "tester"],
  "POST /api/flows/stepup": ["admin", "tester"],
  "POST /api/flows/authentication": ["admin", "tester"],
  "GET /api/flows/[id]": ALL,
  "GET /api/flows/[id]/export": ALL,
  "GET /api/flows/[id]/proofing": ALL,
  "GET /api/flows/[id]/stream": ALL,
  "GET /api/flows/[id]/images/[depiction]": ALL,
  "GET /api/users": ALL,
  "GET /api/users/[userId]": ALL,
  "POST /api/users/[userId]/actions": ["admin", "support"],
  "POST /api/users/[userId]/devices/[deviceId]/actions": ["admin", "support"],
  "GET /api/users/[userId]/transactions": ALL,
  "GET /api/proofings/[dossierId]/[processId]": ALL,
  "GET /api/proofings/[dossierId]/[processId]/images/[depiction]": ALL,
  "GET /api/staff": ADMIN,
  "POST /api/staff": ADMIN,
  "PUT /api/staff/[id]/role": ADMIN,
  "POST /api/staff/[id]/deactivate": ADMIN,
  "POST /api/staff/[id]/reactivate": ADMIN,
  "POST /api/staff/[id]/password": ADMIN,
  "POST /api/account/password": ALL, // one's own password, the current one required
};

const apiDir = join(__dirname);

function findRouteFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return findRouteFiles(path);
    return /^route\.(ts|tsx|js|mjs)$/.test(entry.name) ? [path] : [];
  });
}

type RouteFile = { file: string; folder: string; url: string; params: Record<string, string | string[]> };

/** "/api/flows/[id]/images/[depiction]", its URL with a fake id, and the params a handler receives. */
function describeRoute(file: string): RouteFile {
  const segments = relative(apiDir, file).split(sep).slice(0, -1);
  const params: Record<string, string | string[]> = {};
  const urlSegments = segments.map((segment) => {
    const catchAll = /^\[\[?\.\.\.(\w+)\]\]?$/.exec(segment);
    if (catchAll) return ((params[catchAll[1]] = ["fake-id"]), "fake-id");
    const dynamic = /^\[(\w+)\]$/.exec(segment);
    if (dynamic) return ((params[dynamic[1]] = "fake-id"), "fake-id");
    return segment;
  });
  return { file, folder: ["/api", ...segments].join("/"), url: ["/api", ...urlSegments].join("/"), params };
}

const routes = findRouteFiles(apiDir)
  .map(describeRoute)
  .sort((a, b) => a.folder.localeCompare(b.folder));
const guarded = routes.filter((r) => !(r.folder in PUBLIC));

let server: EmulatorServer;
const sessions = {} as Record<Role, StaffSession>;
const handlers = new Map<string, Partial<Record<(typeof METHODS)[number], (request: Request, context: unknown) => Promise<Response>>>>();

beforeAll(async () => {
  server = await startEmulatorServer();
  process.env.EMULATOR_INTERNAL_URL = server.baseUrl;
  await bootstrap();
  for (const role of ROLES) sessions[role] = await staffWithRole(role);
  for (const route of guarded) handlers.set(route.folder, await import(route.file));
});
afterAll(() => server.close());

function exportedMethods(route: RouteFile) {
  const routeModule = handlers.get(route.folder) ?? {};
  return METHODS.filter((m) => typeof routeModule[m] === "function");
}

async function call(route: RouteFile, method: (typeof METHODS)[number], staff: StaffSession | null): Promise<number> {
  const handler = handlers.get(route.folder)![method]!;
  const withBody = method !== "GET" && method !== "DELETE";
  const request = await apiRequest(route.url, { method, staff, ...(withBody ? { json: {} } : {}) });
  const response = await handler(request, { params: Promise.resolve(route.params) });
  await response.body?.cancel();
  return response.status;
}

describe("route permission matrix", () => {
  it("finds the console's route files", () => {
    expect(routes.length).toBeGreaterThan(10);
    for (const folder of Object.keys(PUBLIC))
      expect(
        routes.map((r) => r.folder),
        `public route ${folder} no longer exists`,
      ).toContain(folder);
  });

  it("serves each public route through publicRoute() (body cap, error shape, log line), next-auth's own aside", () => {
    for (const route of routes.filter((r) => r.folder in PUBLIC && !r.folder.startsWith("/api/auth/"))) {
      expect(readFileSync(route.file, "utf8"), `${route.folder} should export publicRoute() handlers`).toMatch(/export const (GET|POST|PUT|PATCH|DELETE) = publicRoute\(/);
    }
  });

  it("declares every route and method, and nothing that does not exist", () => {
    const found = guarded.flatMap((route) => exportedMethods(route).map((m) => `${m} ${route.folder}`));
    const undeclared = found.filter((key) => !(key in MATRIX));
    const stale = Object.keys(MATRIX).filter((key) => !found.includes(key));
    expect(undeclared, "routes missing from MATRIX in app/api/route-matrix.test.ts: declare who may call them").toEqual([]);
    expect(stale, "MATRIX entries whose route or method no longer exists").toEqual([]);
  });

  it.each(guarded.map((r) => [r.folder, r] as const))("%s answers every method as the matrix says", async (_folder, route) => {
    const outcomes: string[] = [];
    const expected: string[] = [];
    for (const method of exportedMethods(route)) {
      const allowed = MATRIX[`${method} ${route.folder}`];
      if (!allowed) continue; // reported by the test above
      outcomes.push(`${method} no session → ${await call(route, method, null)}`);
      expected.push(`${method} no session → 401`);
      for (const role of ROLES) {
        const status = await call(route, method, sessions[role]);
        const verdict = status === 401 ? "401" : status === 403 ? "403" : "allowed";
        outcomes.push(`${method} ${role} → ${verdict}`);
        expected.push(`${method} ${role} → ${allowed.includes(role) ? "allowed" : "403"}`);
      }
    }
    expect(outcomes).toEqual(expected);
  });
});
