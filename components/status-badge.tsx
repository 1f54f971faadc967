const tones: Record<string, string> = {
  Pending: "bg-amber-50 text-amber-800 ring-amber-600/20",
  Completed: "bg-emerald-50 text-emerald-800 ring-emerald-600/20",
  Failed: "bg-rose-50 text-rose-800 ring-rose-600/20",
  Error: "bg-rose-50 text-rose-800 ring-rose-600/20",
  Expired: "bg-slate-100 text-slate-700 ring-slate-500/20",
  Cancelled: "bg-slate-100 text-slate-700 ring-slate-500/20",
};

export function StatusBadge({ status }: { status: string }) {
  return (
    <span className={`inline-flex items-center gap-1.5 rounded-full px-2.5 py-0.5 text-xs font-medium ring-1 ring-inset ${tones[status] ?? tones.Expired}`}>
      {status === "Pending" ? <span className="h-1.5 w-1.5 animate-pulse rounded-full bg-amber-500" aria-hidden /> : null}
      {status}
    </span>
  );
}
