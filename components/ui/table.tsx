import type { ComponentProps, ReactNode } from "react";
import { cn } from "@/components/ui/cn";

/**
 * A data table in its card. A table wider than its card (a phone, a long id) scrolls inside the
 * card, never the page; `label` names the scroll region for keyboard and screen-reader users.
 */
export function Table({ label, children, className, footer, bare = false }: { label: string; children: ReactNode; className?: string; footer?: ReactNode; bare?: boolean }) {
  return (
    // `bare` sits flush inside a Card's padding instead of being a card of its own.
    <div className={cn(bare ? "-mx-5 -my-5" : "overflow-hidden rounded-xl bg-white shadow-sm ring-1 ring-slate-200", className)}>
      {/* relative: an sr-only label in the last column would otherwise widen the page from outside the scroller */}
      <div className="relative overflow-x-auto" role="region" aria-label={label} tabIndex={0}>
        <table aria-label={label} className="min-w-full divide-y divide-slate-200 text-sm">
          {children}
        </table>
      </div>
      {footer}
    </div>
  );
}

export function THead({ children }: { children: ReactNode }) {
  return (
    <thead className="whitespace-nowrap bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
      <tr>{children}</tr>
    </thead>
  );
}

export function Th({ className, ...props }: ComponentProps<"th">) {
  return <th scope="col" {...props} className={cn("px-4 py-3", className)} />;
}

export function TBody({ className, ...props }: ComponentProps<"tbody">) {
  return <tbody {...props} className={cn("divide-y divide-slate-100", className)} />;
}

export function Td({ className, ...props }: ComponentProps<"td">) {
  return <td {...props} className={cn("px-4 py-3 text-slate-700", className)} />;
}
