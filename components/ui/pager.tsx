import type { ReactNode } from "react";
import { ButtonLink } from "@/components/ui/button";

type PageLink = { href: string; label: string } | null;

/** The footer of a paged table: where you are, and links to the pages beside it (the page lives in the URL). */
export function Pager({ summary, previous, next }: { summary: ReactNode; previous: PageLink; next: PageLink }) {
  return (
    <div className="flex flex-wrap items-center justify-between gap-2 border-t border-slate-100 px-4 py-3 text-sm text-slate-600">
      <span>{summary}</span>
      <div className="flex gap-2">
        {previous ? (
          <ButtonLink variant="secondary" href={previous.href}>
            {previous.label}
          </ButtonLink>
        ) : null}
        {next ? (
          <ButtonLink variant="secondary" href={next.href}>
            {next.label}
          </ButtonLink>
        ) : null}
      </div>
    </div>
  );
}
