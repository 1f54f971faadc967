"use client";

import { useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { Card } from "@/components/ui/card";
import { Field, inputClass } from "@/components/ui/field";
import { ErrorNotice, Skeleton } from "@/components/ui/states";
import { filterDocumentTypes, sortDocumentTypes } from "@/lib/flows/document-type-list";
import { BODY_SHAPES, type BodyShape } from "@/lib/flows/body-shapes";
import { fetchJson } from "@/lib/http/fetch-json";

type DocType = { id: number; country: string; countryName: string; type: string; name: string };
export type ProofingChoice = { provider: "videoid" | "readid"; docTypes: number[]; defaultId: number | undefined; bodyShape: BodyShape };
export const DEFAULT_PROOFING: ProofingChoice = { provider: "videoid", docTypes: [], defaultId: undefined, bodyShape: "current" };

/** Provider, allowed documents (from the environment's document-types endpoint), preselected document and body shape. */
export function ProofingOptions({ environmentId, value, onChange, errors }: { environmentId: string; value: ProofingChoice; onChange: (v: ProofingChoice) => void; errors: Record<string, string> }) {
  const documents = useQuery({
    queryKey: ["document-types", environmentId],
    queryFn: () => fetchJson<DocType[]>(`/api/document-types?environmentId=${encodeURIComponent(environmentId)}`),
    enabled: !!environmentId,
    staleTime: 5 * 60_000,
  });
  const byId = useMemo(() => new Map((documents.data ?? []).map((d) => [d.id, d])), [documents.data]);
  const [filter, setFilter] = useState("");
  // By country, then by name, as a person looks for "Norway … passport"; the filter matches either, or the id.
  const sorted = useMemo(() => sortDocumentTypes(documents.data ?? []), [documents.data]);
  const shown = useMemo(() => filterDocumentTypes(sorted, filter), [sorted, filter]);
  const set = (patch: Partial<ProofingChoice>) => onChange({ ...value, ...patch });

  function toggle(id: number) {
    const removing = value.docTypes.includes(id);
    set({ docTypes: removing ? value.docTypes.filter((d) => d !== id) : [...value.docTypes, id], defaultId: removing && value.defaultId === id ? undefined : value.defaultId });
  }

  return (
    <Card title="Identity proofing">
      <fieldset className="mb-5">
        <legend className="text-sm font-medium text-slate-800">Provider</legend>
        <div className="mt-2 flex flex-wrap gap-3">
          {(["videoid", "readid"] as const).map((p) => (
            <label key={p} className={`flex cursor-pointer items-center gap-2 rounded-md px-3 py-2 text-sm ring-1 ${value.provider === p ? "bg-indigo-50 ring-indigo-500" : "ring-slate-300"}`}>
              <input type="radio" name="provider" value={p} checked={value.provider === p} onChange={() => set({ provider: p })} />
              {p === "videoid" ? "VideoID (document + face)" : "ReadID (NFC chip)"}
            </label>
          ))}
        </div>
        {errors.provider ? <p className="mt-1 text-sm text-rose-600">{errors.provider}</p> : null}
      </fieldset>

      <fieldset>
        <legend className="text-sm font-medium text-slate-800">Allowed documents</legend>
        <p className="text-xs text-slate-500">None chosen: every document the service knows is offered.{value.docTypes.length ? ` ${value.docTypes.length} chosen.` : ""}</p>
        <label htmlFor="docTypeFilter" className="sr-only">
          Filter documents
        </label>
        <input
          id="docTypeFilter"
          type="search"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
          placeholder="Filter by country or document, e.g. Norway or passport"
          className={`${inputClass} mt-2`}
          autoComplete="off"
        />
        <div className="mt-2 max-h-64 overflow-y-auto rounded-md ring-1 ring-slate-200">
          {documents.isPending ? (
            <div className="space-y-2 p-3">
              <Skeleton />
              <Skeleton />
              <Skeleton className="h-4 w-2/3" />
            </div>
          ) : documents.isError ? (
            <div className="p-3">
              <ErrorNotice
                title="Could not load the document types"
                action={
                  <button type="button" className="font-medium underline" onClick={() => documents.refetch()}>
                    Try again
                  </button>
                }
              >
                {documents.error.message}
              </ErrorNotice>
            </div>
          ) : (
            <ul className="divide-y divide-slate-100" aria-label="Documents">
              {shown.length === 0 ? <li className="px-3 py-2 text-sm text-slate-500">No document matches “{filter}”.</li> : null}
              {shown.map((d) => (
                <li key={d.id}>
                  <label className="flex cursor-pointer items-center gap-3 px-3 py-2 text-sm hover:bg-slate-50">
                    <input type="checkbox" checked={value.docTypes.includes(d.id)} onChange={() => toggle(d.id)} />
                    <span className="w-28 shrink-0 text-xs font-medium text-slate-600">{d.countryName}</span>
                    <span className="min-w-0 flex-1 text-slate-800">{d.name}</span>
                    <span className="w-10 text-right font-mono text-xs text-slate-500">{d.id}</span>
                  </label>
                </li>
              ))}
            </ul>
          )}
        </div>
        {Object.entries(errors)
          .filter(([k]) => k.startsWith("docTypes"))
          .map(([k, v]) => (
            <p key={k} className="mt-1 text-sm text-rose-600">
              {v}
            </p>
          ))}
      </fieldset>

      <div className="mt-5 grid gap-4 sm:grid-cols-2">
        <Field label="Preselected document" htmlFor="defaultId" error={errors.defaultId} hint="The app opens with this one chosen.">
          <select
            id="defaultId"
            value={value.defaultId ?? ""}
            onChange={(e) => set({ defaultId: e.target.value ? Number(e.target.value) : undefined })}
            className={inputClass}
            disabled={value.docTypes.length === 0}
          >
            <option value="">{value.docTypes.length ? "None" : "Choose allowed documents first"}</option>
            {value.docTypes.map((id) => (
              <option key={id} value={id}>
                {byId.get(id)?.name ?? `Document ${id}`}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Request body shape" htmlFor="bodyShape" error={errors.bodyShape} hint="The API accepts all three; try the one your integration sends.">
          <select id="bodyShape" value={value.bodyShape} onChange={(e) => set({ bodyShape: e.target.value as BodyShape })} className={inputClass}>
            {Object.entries(BODY_SHAPES).map(([v, label]) => (
              <option key={v} value={v}>
                {label}
              </option>
            ))}
          </select>
        </Field>
      </div>
    </Card>
  );
}
