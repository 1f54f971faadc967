"use client";

import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { ErrorNotice, Skeleton } from "@/components/ui/states";

/** Loading skeleton, error with a retry, or the content: the three states every list on the page has. */
export function QueryState<T>({ query, what, rows = 3, children }: { query: UseQueryResult<T>; what: string; rows?: number; children: (data: T) => ReactNode }) {
  if (query.isPending) {
    return (
      <div className="space-y-2" aria-busy="true" aria-label={`Loading ${what}`}>
        {Array.from({ length: rows }, (_, i) => (
          <Skeleton key={i} className="h-9 w-full" />
        ))}
      </div>
    );
  }
  if (query.isError) {
    return (
      <ErrorNotice
        title={`The ${what} could not be loaded`}
        action={
          <Button variant="secondary" onClick={() => query.refetch()}>
            Try again
          </Button>
        }
      >
        {query.error.message}
      </ErrorNotice>
    );
  }
  return <>{children(query.data)}</>;
}
