import { db } from "@/lib/data/db";

export const dynamic = "force-dynamic";

/** Public liveness: is the process up and the database reachable. Readiness (migrations too) is /api/health/ready. */
export async function GET() {
  try {
    await db.$queryRawUnsafe("SELECT 1");
    return Response.json({ status: "ok" });
  } catch {
    return Response.json({ status: "error", detail: "database unreachable" }, { status: 503 });
  }
}
