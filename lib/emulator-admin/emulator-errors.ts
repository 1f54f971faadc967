/**
 * lib/emulator answers refusals as EmulatorError (its API's vocabulary); the console's route
 * handlers answer the console's one error shape. Field-level refusals keep their field, renamed
 * where the form names it differently.
 */
import { EmulatorError } from "@/lib/emulator/http";
import { ApiError } from "@/lib/http/api-error";

export function consoleErrorFor(error: EmulatorError, formFields: Record<string, string> = {}): ApiError {
  if (error.invalidParams?.length) {
    const fields: Record<string, string> = {};
    for (const param of error.invalidParams) {
      const field = param.name.split(/[.[]/)[0];
      fields[formFields[field] ?? field] ??= param.reason;
    }
    return new ApiError(400, "validation_failed", "Some fields are not valid.", fields);
  }
  return new ApiError(error.status, error.code, error.detail);
}

/** Runs a lib/emulator call and turns its refusal into the console's error. */
export async function emulatorCall<T>(run: () => Promise<T>, formFields?: Record<string, string>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw error instanceof EmulatorError ? consoleErrorFor(error, formFields) : error;
  }
}
