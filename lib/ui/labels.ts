/**
 * The one vocabulary of the console and the virtual app: how flow types, statuses and security
 * checks are named to a person. The APIs' own spellings (stepup, CANCELED, nonExpired) stay in
 * the data; only what is shown goes through here.
 */

export const FLOW_TYPE_LABELS: Record<string, string> = { onboarding: "Onboarding", stepup: "Step-up", authentication: "Authentication" };

export const flowTypeLabel = (type: string) => FLOW_TYPE_LABELS[type] ?? type;

/** Statuses of flows, proofings, authentications, devices and deliveries, whatever their case. */
const STATUS_LABELS: Record<string, string> = {
  pending: "Pending",
  processing: "Processing",
  completed: "Completed",
  accepted: "Accepted",
  rejected: "Rejected",
  failed: "Failed",
  error: "Error",
  expired: "Expired",
  // Signicat spells it "canceled" in places; a person reads one word.
  canceled: "Cancelled",
  cancelled: "Cancelled",
  inconclusive: "Inconclusive",
  active: "Active",
  locked: "Locked",
  deactivated: "Deactivated",
  delivered: "Delivered",
  ok: "OK",
};

export function statusLabel(status: string | null | undefined): string {
  if (!status) return "Unknown";
  return STATUS_LABELS[status.toLowerCase()] ?? status.charAt(0).toUpperCase() + status.slice(1).toLowerCase();
}

export type StatusTone = "good" | "pending" | "bad" | "neutral";

const TONES: Record<string, StatusTone> = {
  pending: "pending",
  processing: "pending",
  locked: "pending",
  completed: "good",
  accepted: "good",
  active: "good",
  delivered: "good",
  ok: "good",
  rejected: "bad",
  failed: "bad",
  error: "bad",
};

export const statusTone = (status: string | null | undefined): StatusTone => TONES[(status ?? "").toLowerCase()] ?? "neutral";

export const SECURITY_CHECK_LABELS: Record<string, string> = {
  nonExpired: "Document not expired",
  notUnderage: "Not under age",
  dataIntegrity: "Data integrity",
  notFaceSpoofing: "No face spoofing",
  sidesMatch: "Document sides match",
  untamperedDocument: "Document not tampered",
};

/** A check Signicat adds later still reads as words: "someNewCheck" → "Some new check". */
export function securityCheckLabel(name: string): string {
  const known = SECURITY_CHECK_LABELS[name];
  if (known) return known;
  const words = name.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The one phrase for a person whose name nobody has recorded yet. */
export const MISSING_NAME = "No name on record";

export const UNNAMED_DEVICE = "Unnamed device";

/** "JANE SMITH", or the one phrase for a missing name. */
/** A user attribute or context value as text: they come from JSON, so they are strings, numbers or booleans. */
export function attributeText(value: unknown): string {
  return String(value);
}

export function personName(attributes: { firstName?: string | null; lastName?: string | null } | null | undefined): string {
  return [attributes?.firstName, attributes?.lastName].filter(Boolean).join(" ") || MISSING_NAME;
}
