import { z } from "zod";
import { canRead } from "@/lib/auth/roles";
import { flowEventStream } from "@/lib/flows/flow-stream";
import { flowExists } from "@/lib/data/queries/flows";
import { notFound } from "@/lib/http/api-error";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

const cursorSchema = z.iso.datetime({ message: "since must be an ISO date-time, as a previous answer's cursor." });
const query = z.object({ since: cursorSchema.optional() });

/** The flow's changes pushed as Server-Sent Events (lib/flows/flow-stream.ts). */
export const GET = route({ permission: canRead, params: z.object({ id: z.string() }), query }, async ({ request, params, query, staff }) => {
  if (!(await flowExists(params.id))) throw notFound("The flow");
  // On a reconnect EventSource sends the last event's id (its cursor); the URL's serves the first connect.
  const lastEventId = request.headers.get("last-event-id");
  const since = new Date((lastEventId && cursorSchema.safeParse(lastEventId).success ? lastEventId : query.since) ?? 0);
  return new Response(flowEventStream(params.id, since, request.signal, staff), {
    headers: { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-cache, no-transform", "x-accel-buffering": "no" },
  });
});
