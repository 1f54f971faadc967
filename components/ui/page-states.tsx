"use client";

import { Button } from "@/components/ui/button";
import { ErrorNotice, Skeleton } from "@/components/ui/states";

/** A list page while it loads: its title, its description, a toolbar and some rows, in grey. */
export function ListPageSkeleton({ label, rows, toolbarClassName }: { label: string; rows: number; toolbarClassName: string }) {
  return (
    <div className="space-y-6" aria-busy="true" aria-label={label}>
      <Skeleton className="h-8 w-40" />
      <Skeleton className="h-4 w-full max-w-[32rem]" />
      <Skeleton className={toolbarClassName} />
      <div className="space-y-2 rounded-xl bg-white p-4 ring-1 ring-slate-200">
        {Array.from({ length: rows }, (_, i) => (
          <Skeleton key={i} className="h-9 w-full" />
        ))}
      </div>
    </div>
  );
}

/** What an error.tsx shows: what could not be shown, the message, its reference, and a way to try again. */
export function RouteError({ title, error, reset }: { title: string; error: Error & { digest?: string }; reset: () => void }) {
  return (
    <ErrorNotice
      title={title}
      action={
        <Button variant="secondary" onClick={reset}>
          Try again
        </Button>
      }
    >
      {error.message || "An unexpected error happened."}
      {error.digest ? <span className="block font-mono text-xs">reference {error.digest}</span> : null}
    </ErrorNotice>
  );
}
