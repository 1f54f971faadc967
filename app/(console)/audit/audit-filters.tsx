"use client";

import { useRouter } from "next/navigation";
import type { FormEvent } from "react";
import { Button, ButtonLink } from "@/components/ui/button";
import { Field, inputClass, TextInput } from "@/components/ui/field";
import type { AuditActionOption } from "@/lib/audit/actions";
import type { AuditFilter } from "@/lib/audit/search";

/**
 * The audit page's filters. They live in the URL: submitting navigates to /audit with only the
 * filled-in fields (a plain GET without JavaScript), so any view can be sent as a link.
 */
export function AuditFilters({
  filter,
  actions,
  environments,
  errors,
}: {
  filter: AuditFilter;
  actions: { group: string; options: AuditActionOption[] }[];
  environments: { id: string; name: string }[];
  errors: Record<string, string>;
}) {
  const router = useRouter();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const params = new URLSearchParams();
    for (const [key, value] of new FormData(event.currentTarget)) if (typeof value === "string" && value.trim()) params.set(key, value.trim());
    router.push(params.size ? `/audit?${params}` : "/audit");
  }

  const known = filter.action && actions.some((g) => g.options.some((o) => o.action === filter.action));
  // An action typed into the URL that the trail does not hold still shows as chosen.
  const actionGroups =
    filter.action && !known
      ? [...actions.filter((g) => g.group !== "Other"), { group: "Other", options: [{ action: filter.action, label: filter.action }, ...(actions.find((g) => g.group === "Other")?.options ?? [])] }]
      : actions;
  return (
    <form method="get" action="/audit" onSubmit={submit} role="search" aria-label="Filter the audit trail" className="rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200">
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Field label="Action" htmlFor="filter-action" error={errors.action}>
          <select id="filter-action" name="action" defaultValue={filter.action ?? ""} className={inputClass}>
            <option value="">Any action</option>
            {actionGroups.map((g) => (
              <optgroup key={g.group} label={g.group}>
                {g.options.map((o) => (
                  <option key={o.action} value={o.action} title={o.action}>
                    {o.label}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </Field>
        <Field label="Who (email contains)" htmlFor="filter-actor" error={errors.actor}>
          <TextInput id="filter-actor" name="actor" defaultValue={filter.actor ?? ""} placeholder="e.g. admin@" error={errors.actor} />
        </Field>
        <Field label="Target contains" htmlFor="filter-target" error={errors.target}>
          <TextInput id="filter-target" name="target" defaultValue={filter.target ?? ""} placeholder="email, id, reference…" error={errors.target} />
        </Field>
        <Field label="Outcome" htmlFor="filter-outcome" error={errors.outcome}>
          <select id="filter-outcome" name="outcome" defaultValue={filter.outcome ?? ""} className={inputClass}>
            <option value="">Any outcome</option>
            <option value="ok">ok</option>
            <option value="error">error</option>
          </select>
        </Field>
        <Field label="Environment" htmlFor="filter-environment" error={errors.environment}>
          <select id="filter-environment" name="environment" defaultValue={filter.environment ?? ""} className={inputClass}>
            <option value="">Any environment</option>
            {environments.map((e) => (
              <option key={e.id} value={e.id}>
                {e.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label="From (UTC day)" htmlFor="filter-from" error={errors.from}>
          <TextInput id="filter-from" name="from" type="date" defaultValue={filter.from ?? ""} error={errors.from} />
        </Field>
        <Field label="To (UTC day, included)" htmlFor="filter-to" error={errors.to}>
          <TextInput id="filter-to" name="to" type="date" defaultValue={filter.to ?? ""} error={errors.to} />
        </Field>
        <div className="flex items-end gap-2">
          <Button type="submit">Apply filters</Button>
          <ButtonLink variant="ghost" href="/audit">
            Clear
          </ButtonLink>
        </div>
      </div>
    </form>
  );
}
