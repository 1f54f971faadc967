import { Skeleton } from "@/components/ui/states";

export default function EmulatorAdminLoading() {
  return (
    <div className="space-y-6" aria-busy="true" aria-label="Loading the emulator admin page">
      <Skeleton className="h-8 w-40" />
      <Skeleton className="h-4 w-[32rem]" />
      <Skeleton className="h-10 w-96" />
      <div className="space-y-2 rounded-xl bg-white p-4 ring-1 ring-slate-200">
        {Array.from({ length: 5 }, (_, i) => (
          <Skeleton key={i} className="h-9 w-full" />
        ))}
      </div>
    </div>
  );
}
