/**
 * Checks an answer of the emulator against what its operation documents: the success status
 * with its response schema (or content type), or an error in the shape of the API that was
 * called. The contract tests run every call through this, so a response that drifts from the
 * OpenAPI documents fails a test.
 */
import { EMULATOR_BASE_PATH } from "../context";
import { findRoute } from "../router";
import { issuesToInvalidParams } from "../validation";
import { assureError, oauthError, productError } from "./responses";

export type Answered = { status: number; headers: Headers; body: unknown };

function errorSchemaFor(pathname: string) {
  if (pathname === "/assure" || pathname.startsWith("/assure/")) return assureError;
  if (pathname === "/auth/open/connect/token") return oauthError;
  return productError;
}

/** What does not match; empty when the answer is as documented. `path` is relative to /emulator and may carry a query. */
export function answerProblems(method: string, path: string, answer: Answered): string[] {
  const pathname = new URL(path, "http://x").pathname.replace(new RegExp(`^${EMULATOR_BASE_PATH}(?=/)`), "");
  const found = findRoute(method.toUpperCase(), pathname);
  const where = `${method.toUpperCase()} ${pathname} → ${answer.status}`;
  if (answer.status >= 400 || !found) {
    if (answer.status < 400) return [`${where}: no documented operation`];
    const parsed = errorSchemaFor(pathname).safeParse(answer.body);
    return parsed.success ? [] : issuesToInvalidParams(parsed.error.issues).map((p) => `${where}: error body ${p.name} ${p.reason}`);
  }
  const { answer: documented } = found.route;
  if (answer.status !== documented.status) return [`${where}: documented success status is ${documented.status}`];
  if (documented.schema) {
    const parsed = documented.schema.safeParse(answer.body);
    return parsed.success ? [] : issuesToInvalidParams(parsed.error.issues).map((p) => `${where}: ${p.name} ${p.reason}`);
  }
  const contentType = answer.headers.get("content-type") ?? "";
  if (documented.contentTypes && !documented.contentTypes.some((type) => contentType.startsWith(type)))
    return [`${where}: content type ${contentType}, documented ${documented.contentTypes.join(" or ")}`];
  return [];
}

/** Throws with every problem, for tests. */
export function assertDocumentedAnswer(method: string, path: string, answer: Answered): void {
  const problems = answerProblems(method, path, answer);
  if (problems.length > 0) throw new Error(`The emulator's answer differs from its OpenAPI document:\n${problems.join("\n")}`);
}
