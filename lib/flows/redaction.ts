/**
 * One-time enrolment secrets stay with the staff who may run flows. Whoever holds a pending
 * onboarding's activation code can activate a device of their own and finish the onboarding
 * with an identity of their choosing, so viewer and support see that a code exists, not the
 * code: the flow's activationCode, any `activationCode` in its result and recorded exchange
 * bodies, and in emulator event bodies. Every place flow data leaves for a browser (flow page,
 * flow API, exports, the delivery log) passes it through here, on the server.
 */
import { canRunFlows, type StaffSession } from "@/lib/auth/roles";
import type { FlowUpdate } from "./flow-update";
import type { FlowDetail } from "@/lib/data/queries/flows";

export const HIDDEN_CODE = "[hidden: only testers and admins see activation codes]";
const KEY = /^activationCode$/i;
// The same secret inside text that is not JSON (a form body, a truncated body, a virtual-app link).
const IN_TEXT = [/("activationCode"\s*:\s*")[^"]*(")/gi, /((?:[?&]|\b)(?:activationCode|code)=)[^&\s"']+()/gi];

export const maySeeActivationCodes = (staff: StaffSession | null | undefined) => canRunFlows(staff);

function redactValue(value: unknown, depth = 0): unknown {
  if (depth > 32) return value;
  if (Array.isArray(value)) return value.map((v) => redactValue(v, depth + 1));
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, KEY.test(k) && v != null && v !== "" ? HIDDEN_CODE : redactValue(v, depth + 1)]));
  }
  if (typeof value === "string") return redactText(value);
  return value;
}

/** A text (usually a JSON body) with every activation code in it hidden. */
export function redactText(text: string): string {
  if (!/activationCode|code=/i.test(text)) return text;
  const trimmed = text.trim();
  if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
    try {
      return JSON.stringify(redactValue(JSON.parse(trimmed)));
    } catch {
      // not JSON after all: fall through to the patterns
    }
  }
  return IN_TEXT.reduce((t, pattern) => t.replace(pattern, `$1${HIDDEN_CODE}$2`), text);
}

export type VisibleFlow<F extends Pick<FlowDetail, "activationCode">> = F & { activationCodeHidden: boolean };

/** The flow as this staff member may see it. */
export function flowForViewer<F extends FlowDetail>(flow: F, staff: StaffSession | null | undefined): VisibleFlow<F> {
  if (maySeeActivationCodes(staff)) return { ...flow, activationCodeHidden: false };
  return {
    ...flow,
    activationCode: null,
    activationCodeHidden: flow.activationCode !== null,
    input: redactValue(flow.input),
    result: redactValue(flow.result),
    events: flow.events.map((e) => ({ ...e, detail: e.detail === null ? null : redactText(e.detail) })),
    exchanges: flow.exchanges.map((x) => ({
      ...x,
      url: redactText(x.url),
      requestBody: x.requestBody === null ? null : redactText(x.requestBody),
      responseBody: x.responseBody === null ? null : redactText(x.responseBody),
    })),
  };
}

/**
 * What changed in a flow (the live stream's update, the polling fallback's answer) as this staff
 * member may see it. An exchange the browser already has comes as a patch without url or bodies.
 */
export function updateForViewer(update: FlowUpdate, staff: StaffSession | null | undefined): FlowUpdate {
  if (maySeeActivationCodes(staff)) return { ...update, activationCodeHidden: false };
  return {
    ...update,
    activationCode: null,
    activationCodeHidden: update.activationCode !== null,
    input: redactValue(update.input),
    result: redactValue(update.result),
    events: update.events.map((e) => ({ ...e, detail: e.detail === null ? null : redactText(e.detail) })),
    exchanges: update.exchanges.map((x) =>
      "method" in x
        ? { ...x, url: redactText(x.url), requestBody: x.requestBody === null ? null : redactText(x.requestBody), responseBody: x.responseBody === null ? null : redactText(x.responseBody) }
        : x,
    ),
  };
}

/** Recorded emulator events (the delivery log) as this staff member may see them. */
export function deliveriesForViewer<D extends { body: string }>(deliveries: D[], staff: StaffSession | null | undefined): D[] {
  if (maySeeActivationCodes(staff)) return deliveries;
  return deliveries.map((d) => ({ ...d, body: redactText(d.body) }));
}

/** Any other answer that may carry activation codes (a user's registrations from the API) as this staff member may see it. */
export function valueForViewer<T>(value: T, staff: StaffSession | null | undefined): T {
  return maySeeActivationCodes(staff) ? value : (redactValue(value) as T);
}
