import { pendingMigrations, pingDatabase } from "@/lib/data/queries/health";
import { publicRoute } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/** Public readiness: the database answers and every committed migration is applied; 503 with the reason otherwise. */
export const GET = publicRoute({}, async () => {
  try {
    await pingDatabase();
  } catch {
    return Response.json({ status: "unavailable", reason: "database unreachable" }, { status: 503 });
  }
  try {
    const pending = await pendingMigrations();
    if (pending.length) return Response.json({ status: "unavailable", reason: "migrations pending", pending }, { status: 503 });
  } catch {
    return Response.json({ status: "unavailable", reason: "could not read the applied migrations" }, { status: 503 });
  }
  return Response.json({ status: "ready" });
});
