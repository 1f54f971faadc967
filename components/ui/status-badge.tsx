import { cn } from "@/components/ui/cn";
import { statusLabel, statusTone, type StatusTone } from "@/lib/ui/labels";

const TONES: Record<StatusTone, string> = {
  pending: "bg-amber-50 text-amber-800 ring-amber-600/20",
  good: "bg-emerald-50 text-emerald-800 ring-emerald-600/20",
  bad: "bg-rose-50 text-rose-800 ring-rose-600/20",
  neutral: "bg-slate-100 text-slate-700 ring-slate-500/20",
};

/** Any status (flow, proofing, device, delivery) in the one vocabulary; the word carries it, not the colour. */
export function StatusBadge({ status, label, className, testId }: { status: string | null | undefined; label?: string; className?: string; testId?: string }) {
  const tone = statusTone(status);
  return (
    <span data-testid={testId} className={cn("inline-flex shrink-0 items-center gap-1.5 whitespace-nowrap rounded-full px-2.5 py-0.5 text-xs font-medium ring-1 ring-inset", TONES[tone], className)}>
      {tone === "pending" && status?.toLowerCase() !== "locked" ? <span className="h-1.5 w-1.5 animate-pulse rounded-full bg-amber-500" aria-hidden /> : null}
      {label ?? statusLabel(status)}
    </span>
  );
}
