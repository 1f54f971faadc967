/** The device state as a coloured badge; the words stay readable without the colour. */
import type { DeviceStateView } from "@/lib/authenticator/device-state";

const TONES: Record<DeviceStateView["tone"], string> = {
  good: "bg-emerald-100 text-emerald-800 ring-emerald-200",
  warning: "bg-amber-100 text-amber-900 ring-amber-200",
  bad: "bg-red-100 text-red-800 ring-red-200",
  unknown: "bg-slate-100 text-slate-600 ring-slate-200",
};

export function DeviceStateBadge({ view, className = "", testId }: { view: DeviceStateView; className?: string; testId?: string }) {
  return (
    <span data-testid={testId} className={`inline-flex shrink-0 items-center rounded-full px-2.5 py-1 text-xs font-semibold ring-1 ring-inset ${TONES[view.tone]} ${className}`}>
      <span className="sr-only">State: </span>
      {view.label}
    </span>
  );
}
