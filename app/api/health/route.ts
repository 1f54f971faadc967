import { pingDatabase } from "@/lib/data/queries/health";
import { publicRoute } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/** Public liveness: is the process up and the database reachable. Readiness (migrations too) is /api/health/ready. */
export const GET = publicRoute({}, async () => {
  try {
    await pingDatabase();
    return Response.json({ status: "ok" });
  } catch {
    return Response.json({ status: "error", detail: "database unreachable" }, { status: 503 });
  }
});
