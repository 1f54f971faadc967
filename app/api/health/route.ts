import { db } from "@/lib/data/db";
import { publicRoute } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/** Public liveness: is the process up and the database reachable. Readiness (migrations too) is /api/health/ready. */
export const GET = publicRoute({}, async () => {
  try {
    await db.$queryRawUnsafe("SELECT 1");
    return Response.json({ status: "ok" });
  } catch {
    return Response.json({ status: "error", detail: "database unreachable" }, { status: 503 });
  }
});
