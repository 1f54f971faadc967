import { z } from "zod";
import { receiveEvent, SIGNATURE_HEADER } from "@/lib/events/receiver";
import { ApiError } from "@/lib/http/api-error";
import { BodyTooLargeError, maxBodyBytes, readBytesCapped } from "@/lib/http/body";
import { data, publicRoute } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/**
 * Signicat's Events webhook for one environment. Public by nature (Signicat has no session): the
 * signature over the exact body is the authentication, checked in lib/events/receiver.ts, so the
 * body is read here as bytes rather than parsed by the wrapper. Any 2xx acknowledges.
 */
export const POST = publicRoute({ params: z.object({ environmentId: z.string().min(1).max(200) }) }, async ({ request, params }) => {
  let body: Buffer;
  try {
    body = await readBytesCapped(request, maxBodyBytes());
  } catch (error) {
    throw error instanceof BodyTooLargeError ? new ApiError(413, "body_too_large", error.message) : error;
  }
  return data(await receiveEvent(params.environmentId, request.headers.get(SIGNATURE_HEADER), body));
});
