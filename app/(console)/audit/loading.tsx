import { Skeleton } from "@/components/ui/states";

export default function AuditLoading() {
  return (
    <div className="space-y-6" aria-busy="true" aria-label="Loading the audit trail">
      <Skeleton className="h-8 w-40" />
      <Skeleton className="h-4 w-[32rem]" />
      <Skeleton className="h-40 w-full rounded-xl" />
      <div className="space-y-2 rounded-xl bg-white p-4 ring-1 ring-slate-200">
        {Array.from({ length: 8 }, (_, i) => (
          <Skeleton key={i} className="h-9 w-full" />
        ))}
      </div>
    </div>
  );
}
