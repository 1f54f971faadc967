/** Turns a failed request into a sentence a tester understands, for the step it happened in. */
import { AppRequestError, REQUEST_TIMEOUT_MS } from "./http";

export type RequestContext = "configuration" | "activation" | "device" | "personas" | "proofing" | "authentication" | "rename" | "remove";

export type PlainError = { title: string; message: string; technical: string | null };

export function describeRequestError(error: unknown, context: RequestContext): PlainError {
  if (error instanceof Error && error.name === "InsecureContextError") {
    return { title: "This page needs https", message: error.message, technical: null };
  }
  if (!(error instanceof AppRequestError)) {
    const message = error instanceof Error ? error.message : String(error);
    return { title: "Something went wrong", message, technical: null };
  }
  const host = hostOf(error.url);
  const failure = error.failure;
  if (failure.kind === "timeout") {
    return {
      title: "The server did not answer",
      message: `No answer from ${host} within ${REQUEST_TIMEOUT_MS / 1000} seconds. Check that the console is running, then try again.`,
      technical: null,
    };
  }
  if (failure.kind === "unreachable") {
    return {
      title: "Server unreachable",
      message: `Cannot reach ${host}. Check the server URL and your network (a phone must reach the console's address, not "localhost"), then try again.`,
      technical: failure.message,
    };
  }
  if (failure.kind === "invalid_response") {
    return { title: "Unexpected answer", message: `${host} answered with something that is not this app's protocol. Is the server URL right?`, technical: failure.message };
  }

  const technical = `HTTP ${failure.status}${failure.code ? ` ${failure.code}` : ""}${failure.detail ? ` — ${failure.detail}` : ""}`;
  const invalid = failure.invalidParams.map((param) => `${param.name}: ${param.reason}`).join("; ");
  const specific = specificMessage(context, failure.status, failure.code, failure.detail);
  if (specific) return { ...specific, technical };
  if (failure.status === 400) return { title: "The server refused the request", message: invalid || failure.detail || "Some field was not accepted.", technical };
  if (failure.status === 401 && failure.code === "invalid_signature") {
    return { title: "Signature refused", message: "The server did not accept this device's signature. Check that this device's clock is right, or activate the device again.", technical };
  }
  if (failure.status === 403 && failure.code === "device_not_active") {
    return { title: "Device not active", message: "The server says this device is no longer active (it may have been deactivated or deleted in the console).", technical };
  }
  if (failure.status === 404) {
    return { title: "Not found", message: `${host} does not know this ${context === "device" ? "device (was the emulator reset?)" : "item"}.`, technical };
  }
  if (failure.status === 429) return { title: "Too many requests", message: "The server asks to slow down. Wait a moment and try again.", technical };
  if (failure.status >= 500) return { title: "Server error", message: `${host} failed to answer (HTTP ${failure.status}). Try again; if it persists, look at the console's logs.`, technical };
  return { title: "Request refused", message: failure.detail ?? `HTTP ${failure.status}`, technical };
}

function specificMessage(context: RequestContext, status: number, code: string | null, detail: string | null): Omit<PlainError, "technical"> | null {
  if (context === "configuration" && status === 404) {
    return { title: "Unknown application", message: "The server does not know this application id. Check the configuration, or scan the console's configuration QR code again." };
  }
  if (context === "activation") {
    if (status === 404)
      return { title: "Unknown activation code", message: "This activation code is unknown or has already been used. Check the digits, or start a new onboarding in the console to get a fresh code." };
    if (status === 422)
      return {
        title: "Activation code expired",
        message: `${detail ?? "This activation code has expired."} Activation codes last 10 minutes: start a new onboarding in the console to get a fresh one.`,
      };
  }
  if (context === "proofing") {
    if (status === 409) return { title: "Proofing already finished", message: "This identity proofing already has a final result. Go back to the console to see it." };
    if (status === 422) return { title: "Proofing expired", message: `${detail ?? "The flow has expired."} Start a new onboarding in the console.` };
    if (status === 404 && code === "not_found") return { title: "Proofing not found", message: "The server does not know this proofing any more (was the emulator reset?)." };
  }
  if (context === "authentication") {
    const expired = /expir/i.test(detail ?? "") || code === "expired";
    if (expired || status === 410) return { title: "Expired", message: "This request expired before it was answered. Ask the service to send a new one." };
    if (status === 409) return { title: "Already answered", message: "This request was already answered (here, on another device, or by the simulator), or it was cancelled." };
    if (status === 401 && code === "invalid_signature") {
      return { title: "Signature refused", message: "The server could not verify this device's signature, so it did not accept the answer. Check this device's clock, or activate a new device." };
    }
    if (status === 422) return { title: "Request no longer open", message: detail ?? "This request can no longer be answered." };
    if (status === 404) return { title: "Request not found", message: "The server no longer knows this request (was the emulator reset?)." };
  }
  if (context === "rename" && status === 400) {
    return { title: "Name not accepted", message: detail ?? "The server did not accept this device name." };
  }
  if (context === "remove" && status === 404) {
    return { title: "Already removed", message: "The server no longer knows this device. You can forget it on this browser." };
  }
  return null;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return "the server";
  }
}
