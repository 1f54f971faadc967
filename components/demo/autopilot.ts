/**
 * Autopilot's finger: the phone in the presenter view is the real virtual app in a same-origin
 * frame, and Autopilot taps its visible controls one at a time, exactly as the presenter would
 * (the app runs its own crypto and requests; nothing is simulated behind its back). It finds
 * controls by what they say, as a person would.
 */
import type { PhoneAction } from "@/lib/demo/story-steps";

export const AUTOPILOT_PERSONA = /JANE SMITH/;

export const ACTION_LABELS: Record<PhoneAction, string> = {
  activate: "Activate",
  identity: "Choose JANE SMITH",
  captureDocument: "Capture document",
  captureSelfie: "Capture selfie",
  outcome: "Choose Accepted",
  submit: "Submit proofing",
  backHome: "Back to my device",
  approve: "Approve",
  startCheck: "Start identity check",
};

function enabledButton(doc: Document, text: string): HTMLButtonElement | null {
  for (const button of Array.from(doc.querySelectorAll("button"))) {
    if (!button.disabled && button.getAttribute("aria-busy") !== "true" && button.textContent?.trim() === text) return button;
  }
  return null;
}

function uncheckedRadio(doc: Document, group: string, label: RegExp): HTMLInputElement | null {
  const radios = doc.querySelectorAll<HTMLInputElement>(`[role="radiogroup"][aria-label="${group}"] input[type="radio"]`);
  for (const radio of Array.from(radios)) {
    if (!radio.disabled && label.test(radio.closest("label")?.textContent ?? "")) return radio.checked ? null : radio;
  }
  return null;
}

function activationReady(doc: Document): boolean {
  const input = Array.from(doc.querySelectorAll("input")).find((i) => Array.from(i.labels ?? []).some((l) => l.textContent?.includes("Activation code")));
  return !input || input.value.replace(/\D/g, "").length === 10;
}

/** The control an action would tap now, or null when the phone does not show it. */
function controlFor(doc: Document, action: PhoneAction): HTMLElement | null {
  switch (action) {
    case "activate":
      return activationReady(doc) ? enabledButton(doc, "Activate") : null;
    case "identity":
      return uncheckedRadio(doc, "Identity", AUTOPILOT_PERSONA);
    case "outcome":
      return uncheckedRadio(doc, "Outcome", /^\s*Accepted/);
    default:
      return enabledButton(doc, ACTION_LABELS[action]);
  }
}

/** Taps the first allowed control the phone shows; answers what it did, or null when nothing is there to tap. */
export function tapNext(doc: Document | null | undefined, allowed: readonly PhoneAction[]): PhoneAction | null {
  if (!doc) return null;
  for (const action of allowed) {
    const control = controlFor(doc, action);
    if (control) {
      control.scrollIntoView({ block: "center", behavior: "smooth" });
      control.click();
      return action;
    }
  }
  return null;
}
