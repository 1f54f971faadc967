import { ApiError } from "./api-error";
import { SignicatError } from "@/lib/signicat/errors";

/** A 404 from the API while acting on something the page showed: it is gone (or never was this user's). */
export async function orGone<T>(what: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof SignicatError && error.status === 404) {
      throw new ApiError(
        404,
        "gone",
        `${what} does not exist (any more) in this environment — it may have been removed meanwhile. Reload the page. (${error.code}${error.traceId ? `, trace ${error.traceId}` : ""})`,
      );
    }
    throw error;
  }
}
