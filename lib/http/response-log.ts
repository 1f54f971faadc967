// Test-only: with RESPONSE_LOG_FILE set, every response the console's API and the emulator give
// is appended to that file, so the browser tests' secret scan can search what was sent.
// Off (and free) when the variable is unset; never set it in production.
import { appendFile } from "node:fs/promises";
import { settings } from "@/lib/config";
import { Answer } from "./answer";

export const responseLogOn = (): boolean => !!settings().RESPONSE_LOG_FILE;

export async function logResponseBody(method: string, path: string, response: Response | Answer): Promise<void> {
  const file = settings().RESPONSE_LOG_FILE;
  if (!file) return;
  // A live stream never ends by itself: reading it here would hold the response back for good.
  if (response.headers.get("content-type")?.startsWith("text/event-stream")) return;
  const body =
    response instanceof Answer
      ? response.text()
      : await response
          .clone()
          .text()
          .catch(() => "(unreadable)");
  await appendFile(file, JSON.stringify({ method, path, status: response.status, body }) + "\n").catch(() => {});
}
