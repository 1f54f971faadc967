import { cn } from "@/components/ui/cn";
import { KIND_LABELS, type EnvironmentKind } from "@/lib/environments/kinds";

const tones: Record<EnvironmentKind, string> = {
  embedded: "bg-sky-50 text-sky-800 ring-sky-600/30",
  sandbox: "bg-violet-50 text-violet-800 ring-violet-600/30",
  production: "bg-rose-700 text-white ring-rose-800",
};

/** Which Signicat the page acts on, impossible to miss for production. */
export function EnvironmentBadge({ kind, name, deleted, className }: { kind: EnvironmentKind; name?: string; deleted?: boolean; className?: string }) {
  return (
    <span
      className={cn(
        "inline-flex items-center gap-1.5 rounded-md px-2 py-0.5 text-xs font-semibold ring-1 ring-inset",
        deleted ? "bg-slate-100 text-slate-700 ring-slate-400/40" : tones[kind],
        className,
      )}
    >
      {KIND_LABELS[kind]}
      {name ? <span className={cn("font-normal", deleted && "line-through")}>· {name}</span> : null}
      {deleted ? <span className="font-semibold">(deleted)</span> : null}
    </span>
  );
}
