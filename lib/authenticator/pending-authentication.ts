/**
 * A pending MobileID authentication as a person sees it: what the device signs to approve it,
 * the pre-operation context decoded into readable text, and the time left to answer.
 */
import type { PendingOperation } from "@/lib/emulator/app-protocol";
import { attributeText } from "@/lib/ui/labels";

export type AuthenticationOperation = Extract<PendingOperation, { type: "authentication" }>;

/** The text the device signs to approve (app-protocol: `authenticate:${authenticationId}:${challenge}`). */
export function authenticationSigningText(operation: Pick<AuthenticationOperation, "authenticationId" | "challenge">): string {
  return `authenticate:${operation.authenticationId}:${operation.challenge}`;
}

export type ReadableContext =
  { kind: "text"; text: string; decodedFromBase64: boolean } | { kind: "json"; text: string; decodedFromBase64: boolean } | { kind: "other"; text: string; mimeType: string };

const BASE64 = /^[A-Za-z0-9+/_-]+={0,2}$/;

/** Decodes standard or url-safe base64 to UTF-8 text, or null when it is not base64 of readable text. */
export function decodeBase64Text(content: string): string | null {
  const compact = content.trim();
  if (compact.length < 4 || !BASE64.test(compact)) return null;
  const unpadded = compact.replace(/=+$/, "");
  if (unpadded.length % 4 === 1) return null;
  try {
    const base64 = unpadded.replace(/-/g, "+").replace(/_/g, "/");
    const binary = atob(base64 + "=".repeat((4 - (base64.length % 4)) % 4));
    const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
    const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    // Control characters (other than line breaks and tabs) mean the content was not text after all.
    return /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(text) ? null : text;
  } catch {
    return null;
  }
}

function baseMimeType(mimeType: string): string {
  return mimeType.split(";")[0].trim().toLowerCase();
}

function prettyJson(text: string): string | null {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return null;
  }
}

/** The context as a person reads it: text as is, JSON indented; base64 content decoded first. */
export function readOperationContext(context: { content: string; mimeType: string } | null | undefined): ReadableContext | null {
  if (!context || typeof context.content !== "string" || !context.content.trim()) return null;
  const mimeType = baseMimeType(context.mimeType ?? "");
  const raw = context.content;
  if (mimeType === "application/json" || mimeType.endsWith("+json")) {
    const direct = prettyJson(raw);
    if (direct !== null) return { kind: "json", text: direct, decodedFromBase64: false };
    const decoded = decodeBase64Text(raw);
    const fromBase64 = decoded === null ? null : prettyJson(decoded);
    if (fromBase64 !== null) return { kind: "json", text: fromBase64, decodedFromBase64: true };
    return { kind: "other", text: raw, mimeType };
  }
  if (mimeType === "text/plain" || mimeType === "" || mimeType.startsWith("text/")) {
    // Base64 has no spaces or punctuation beyond + / - _ =, so a sentence is never mistaken for it.
    const decoded = /\s/.test(raw.trim()) ? null : decodeBase64Text(raw);
    if (decoded !== null && looksLikeWords(decoded)) return { kind: "text", text: decoded, decodedFromBase64: true };
    return { kind: "text", text: raw, decodedFromBase64: false };
  }
  return { kind: "other", text: raw, mimeType };
}

/** Decoded base64 of a short random word is rarely mostly letters, digits, spaces and punctuation. */
function looksLikeWords(text: string): boolean {
  if (!text.trim()) return false;
  const readable = text.match(/[\p{L}\p{N}\s.,:;!?'"()\-–—/@#%&+*=€$£]/gu)?.length ?? 0;
  return readable / [...text].length >= 0.9;
}

/** Whole seconds left before `expiresAt` (0 when past; null when the date cannot be read). */
export function secondsLeft(expiresAt: string, now: number): number | null {
  const end = Date.parse(expiresAt);
  if (Number.isNaN(end)) return null;
  return Math.max(0, Math.ceil((end - now) / 1000));
}

/** "4:05" for minutes and seconds, "1:02:03" past an hour. */
export function formatCountdown(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const hours = Math.floor(s / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, "0");
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, "0")}:${rest}` : `${minutes}:${rest}`;
}

export type ContextRow = { label: string; value: string };

const CONTEXT_LABELS: Record<string, string> = { operation: "Request", provider: "Identity check", processType: "Assurance level" };
const CONTEXT_VALUES: Record<string, Record<string, string>> = {
  operation: { stepup: "Step-up: verify your identity again", authentication: "Sign-in", onboarding: "Onboarding" },
  provider: { videoid: "VideoID: a document and your face", readid: "ReadID: your document's chip (NFC)" },
  processType: { substantial: "Substantial", high: "High", low: "Low" },
};

/** "processType" → "Process type": a key a person can read, for keys without a label of their own. */
function humanKey(key: string): string {
  const words = key
    .replace(/[_-]+/g, " ")
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * A JSON context as rows a person reads (a step-up's {"operation":"stepup",…} becomes "Request:
 * Step-up…"), or null when it is not a flat object: then the indented JSON is shown as it is.
 */
export function contextRows(context: ReadableContext): ContextRow[] | null {
  if (context.kind !== "json") return null;
  let value: unknown;
  try {
    value = JSON.parse(context.text);
  } catch {
    return null;
  }
  if (!value || typeof value !== "object" || Array.isArray(value)) return null;
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0 || entries.some(([, v]) => v !== null && typeof v === "object")) return null;
  return entries.map(([key, v]) => ({
    label: CONTEXT_LABELS[key] ?? humanKey(key),
    value: CONTEXT_VALUES[key]?.[String(v)] ?? attributeText(v ?? "—"),
  }));
}
