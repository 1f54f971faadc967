"use client";

/** What the simulated camera sees: the emulator's generated images, or placeholders for a typed identity. */
import { useState } from "react";
import type { DocumentTypeOption, IdentityInput } from "@/lib/emulator/app-protocol";
import { Spinner } from "./ui";

export function GeneratedImage({ src, alt, cover = false }: { src: string; alt: string; cover?: boolean }) {
  const [state, setState] = useState<"loading" | "ok" | "error">("loading");
  const [attempt, setAttempt] = useState(0);
  return (
    <div className="relative flex size-full items-center justify-center">
      {state === "loading" ? (
        <span className="absolute flex items-center gap-2 text-sm text-white/80">
          <Spinner className="size-4" /> Loading image…
        </span>
      ) : null}
      {state === "error" ? (
        <span className="absolute flex flex-col items-center gap-2 text-center text-sm text-white/90">
          The image could not be loaded.
          <button type="button" className="rounded-lg bg-white/15 px-3 py-2 font-medium" onClick={() => (setState("loading"), setAttempt(attempt + 1))}>
            Try again
          </button>
        </span>
      ) : null}
      <img
        key={attempt}
        src={attempt ? `${src}${src.includes("?") ? "&" : "?"}attempt=${attempt}` : src}
        alt={alt}
        className={`${cover ? "size-full object-cover" : "max-h-full max-w-full rounded-lg object-contain"} ${state === "ok" ? "" : "invisible"}`}
        onLoad={() => setState("ok")}
        onError={() => setState("error")}
      />
    </div>
  );
}

export function TypedDocumentCard({ identity, document }: { identity: IdentityInput; document: DocumentTypeOption | null }) {
  return (
    <div className="flex aspect-[1.58] h-full max-w-full flex-col rounded-lg bg-gradient-to-br from-slate-100 to-indigo-100 p-3 text-left text-slate-800 shadow-inner">
      <p className="text-[10px] font-bold uppercase tracking-widest text-indigo-900">{document?.countryName ?? identity.nationality}</p>
      <p className="text-[11px] font-semibold text-indigo-900">{document?.name ?? "Identity document"}</p>
      <div className="mt-2 flex flex-1 gap-3">
        <div className="flex w-1/4 shrink-0 items-end justify-center rounded bg-slate-300" aria-hidden="true">
          <FaceSilhouette className="w-full text-slate-500" />
        </div>
        <dl className="grid flex-1 grid-cols-2 content-start gap-x-2 gap-y-1 text-[9px] leading-tight">
          <Field term="Surname" value={identity.lastName} wide />
          <Field term="Given names" value={identity.firstName} wide />
          <Field term="Nationality" value={identity.nationality} />
          <Field term="Sex" value={identity.gender} />
          <Field term="Date of birth" value={identity.dateOfBirth} />
          <Field term="Expiry" value={identity.dateOfExpiry} />
          <Field term="Document no." value={identity.documentNumber} wide />
        </dl>
      </div>
    </div>
  );
}

function Field({ term, value, wide = false }: { term: string; value: string; wide?: boolean }) {
  return (
    <div className={wide ? "col-span-2" : undefined}>
      <dt className="uppercase text-slate-500">{term}</dt>
      <dd className="truncate font-mono font-semibold">{value}</dd>
    </div>
  );
}

export function FaceSilhouette({ className = "" }: { className?: string }) {
  return (
    <svg viewBox="0 0 100 110" className={className} fill="currentColor" aria-hidden="true">
      <circle cx="50" cy="38" r="22" />
      <path d="M10 110c0-26 18-42 40-42s40 16 40 42z" />
    </svg>
  );
}
