import { z } from "zod";
import { receiveEvent, SIGNATURE_HEADER } from "@/lib/events/receiver";
import { ApiError, errorResponse } from "@/lib/http/api-error";
import { BodyTooLargeError, maxBodyBytes, readBytesCapped } from "@/lib/http/body";
import { refuseUnsafeText } from "@/lib/http/json-input";
import { requestIdFrom, traceIdFrom } from "@/lib/http/request-context";
import { finishRequest } from "@/lib/http/request-log";
import { data } from "@/lib/http/route";
import { withLogContext } from "@/lib/log";

export const dynamic = "force-dynamic";

const params = z.object({ environmentId: z.string().min(1).max(200) });
type Context = { params: Promise<Record<string, string | string[]>> };

/**
 * Signicat's Events webhook for one environment. Public by nature (Signicat has no session): the
 * signature is the authentication, checked in lib/events/receiver.ts. Any 2xx acknowledges.
 * When lib/http/route.ts has publicRoute(), `handle` is its handler as it stands.
 */
async function handle(request: Request, context: Context): Promise<Response> {
  const raw = await context.params;
  refuseUnsafeText(raw);
  const { environmentId } = params.parse(raw);
  let body: Buffer;
  try {
    body = await readBytesCapped(request, maxBodyBytes());
  } catch (error) {
    throw error instanceof BodyTooLargeError ? new ApiError(413, "body_too_large", error.message) : error;
  }
  const outcome = await receiveEvent(environmentId, request.headers.get(SIGNATURE_HEADER), body);
  return data(outcome);
}

export async function POST(request: Request, context: Context): Promise<Response> {
  const started = performance.now();
  const ids = { requestId: requestIdFrom(request.headers), traceId: traceIdFrom(request.headers) };
  return withLogContext(ids, async () => {
    const response = await handle(request, context).catch((error: unknown) => errorResponse(error));
    return finishRequest(request, response, { path: new URL(request.url).pathname, started, ...ids });
  });
}
