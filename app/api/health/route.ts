import { pingDatabase } from "@/lib/data/queries/health";

export const dynamic = "force-dynamic";

/** Public liveness: is the process up and the database reachable. Readiness (migrations too) is /api/health/ready. */
export async function GET() {
  try {
    await pingDatabase();
    return Response.json({ status: "ok" });
  } catch {
    return Response.json({ status: "error", detail: "database unreachable" }, { status: 503 });
  }
}
