/** The documents the flow allows, as a radio group; the flow's defaultId is preselected by the parent. */
"use client";

import { useEffect, useRef } from "react";
import type { DocumentTypeOption } from "@/lib/emulator/app-protocol";

/** More than this and the list scrolls inside its own box, so the page stays short on a phone. */
const SCROLL_AFTER = 5;

export function DocumentTypeChoice({ options, value, onChange }: { options: DocumentTypeOption[]; value: number | null; onChange: (id: number) => void }) {
  const scrolls = options.length > SCROLL_AFTER;
  const list = useRef<HTMLDivElement>(null);
  // The preselected document may be far down a long list: bring it into the box's view once.
  useEffect(() => {
    const box = list.current;
    const checked = box?.querySelector<HTMLElement>("input:checked")?.closest("label");
    if (box && checked && scrolls) box.scrollTop = checked.offsetTop - box.offsetTop - 6;
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, on mount: a later choice must not scroll the list under the pointer
  }, []);
  return (
    <fieldset>
      <legend className="text-base font-semibold text-slate-900">Document</legend>
      <p className="text-sm text-slate-600">Which document will you show to the camera?{scrolls ? ` ${options.length} are allowed — scroll the list.` : ""}</p>
      <div
        ref={list}
        role="radiogroup"
        aria-label="Document"
        className={`mt-2 grid gap-1.5 ${scrolls ? "max-h-[19rem] overflow-y-auto overscroll-contain rounded-xl border border-slate-200 bg-slate-50 p-1.5" : ""}`}
      >
        {options.map((option) => (
          <label
            key={option.id}
            className="flex min-h-12 cursor-pointer items-center gap-3 rounded-lg border border-slate-200 bg-white px-3 py-1.5 has-checked:border-indigo-500 has-checked:bg-indigo-50 has-checked:ring-1 has-checked:ring-indigo-500 has-focus-visible:outline-2 has-focus-visible:outline-indigo-600"
          >
            <input type="radio" name="document-type" className="size-5 shrink-0 accent-indigo-600" checked={value === option.id} onChange={() => onChange(option.id)} />
            <DocumentIcon type={option.type} />
            <span className="min-w-0 flex-1 leading-tight">
              <span className="block font-medium text-slate-900">{option.name}</span>
              <span className="block text-xs text-slate-600">{option.countryName}</span>
            </span>
            <span className="shrink-0 font-mono text-xs text-slate-600">{option.country}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

function DocumentIcon({ type }: { type: string }) {
  const passport = type === "passport";
  return (
    <span
      aria-hidden="true"
      className={`flex shrink-0 items-center justify-center rounded text-[9px] font-bold text-white ${
        passport ? "h-8 w-6 bg-indigo-900" : type === "driversLicense" ? "h-6 w-9 bg-rose-700" : "h-6 w-9 bg-teal-700"
      }`}
    >
      {passport ? "P" : type === "driversLicense" ? "DL" : type === "residencePermit" ? "RP" : "ID"}
    </span>
  );
}
