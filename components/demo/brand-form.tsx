"use client";

/** A new brand profile: the customer's name, colour and logo (PNG or SVG, sanitised by the server). */
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field, TextInput } from "@/components/ui/field";
import type { PublicBrand } from "@/lib/demo/brands";
import { ConsoleApiError, fetchJson } from "@/lib/http/fetch-json";

const LOGO_LIMIT = 32 * 1024;

async function readLogo(file: File): Promise<{ type: "image/png" | "image/svg+xml"; base64: string }> {
  const type = file.type === "image/png" || file.name.toLowerCase().endsWith(".png") ? "image/png" : "image/svg+xml";
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return { type, base64: btoa(binary) };
}

export function BrandForm({ onCreated, onCancel }: { onCreated: (brand: PublicBrand) => void; onCancel: () => void }) {
  const [name, setName] = useState("");
  const [color, setColor] = useState("#0b5fff");
  const [file, setFile] = useState<File | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (file && file.size > LOGO_LIMIT) return setErrors({ logo: `The logo is ${Math.ceil(file.size / 1024)} KB; at most 32 KB.` });
    setBusy(true);
    setErrors({});
    try {
      const logo = file ? await readLogo(file) : undefined;
      onCreated(await fetchJson<PublicBrand>("/api/demo/brands", { method: "POST", json: { name, color, logo } }));
    } catch (error) {
      setErrors(error instanceof ConsoleApiError ? (error.body.fields ?? { _: error.message }) : { _: String(error) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} className="space-y-4" aria-label="New brand" noValidate>
      <Field label="Customer name" htmlFor="brand-name" error={errors.name}>
        <TextInput id="brand-name" value={name} onChange={(e) => setName(e.target.value)} error={errors.name} maxLength={60} required />
      </Field>
      <Field label="Colour" htmlFor="brand-color" error={errors.color}>
        <div className="flex items-center gap-3">
          <input id="brand-color" type="color" value={color} onChange={(e) => setColor(e.target.value)} className="h-10 w-16 rounded border border-slate-300" />
          <span className="font-mono text-sm text-slate-600">{color}</span>
        </div>
      </Field>
      <Field label="Logo (PNG or SVG, at most 32 KB)" htmlFor="brand-logo" error={errors.logo} hint="SVGs are cleaned on the server: scripts, event handlers and outside references are removed.">
        <input id="brand-logo" type="file" accept="image/png,image/svg+xml,.svg,.png" onChange={(e) => setFile(e.target.files?.[0] ?? null)} className="block text-sm" />
      </Field>
      {errors._ ? <p className="text-sm text-rose-700">{errors._}</p> : null}
      <div className="flex justify-end gap-2">
        <Button type="button" variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" disabled={busy}>
          {busy ? "Saving…" : "Save brand"}
        </Button>
      </div>
    </form>
  );
}
