"use client";

import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from "react";
import { cn } from "@/components/ui/cn";

type Tone = "success" | "error" | "info";
type ToastItem = { id: number; message: string; tone: Tone };

const ToastContext = createContext<((message: string, tone?: Tone) => void) | null>(null);

const TONES: Record<Tone, string> = {
  success: "border-emerald-300 bg-emerald-50 text-emerald-900",
  error: "border-rose-300 bg-rose-50 text-rose-900",
  info: "border-sky-300 bg-sky-50 text-sky-900",
};

/** How long a confirmation stays: long enough to read a name twice. */
const VISIBLE_MS = 8_000;

/**
 * Confirmations that say what happened to whom. They live above the page, so a toast survives the
 * page it was raised on being refreshed or left (delete, then back to the list).
 */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [items, setItems] = useState<ToastItem[]>([]);
  const next = useRef(1);
  const dismiss = useCallback((id: number) => setItems((all) => all.filter((t) => t.id !== id)), []);
  const show = useCallback((message: string, tone: Tone = "success") => {
    const id = next.current++;
    setItems((all) => [...all.slice(-3), { id, message, tone }]);
  }, []);
  return (
    <ToastContext.Provider value={show}>
      {children}
      <div aria-live="polite" className="pointer-events-none fixed inset-x-0 bottom-0 z-[60] flex flex-col items-center gap-2 p-4 sm:items-end">
        {items.map((item) => (
          <Toast key={item.id} item={item} onDismiss={dismiss} />
        ))}
      </div>
    </ToastContext.Provider>
  );
}

function Toast({ item, onDismiss }: { item: ToastItem; onDismiss: (id: number) => void }) {
  useEffect(() => {
    const timer = setTimeout(() => onDismiss(item.id), VISIBLE_MS);
    return () => clearTimeout(timer);
  }, [item.id, onDismiss]);
  return (
    <div role={item.tone === "error" ? "alert" : "status"} className={cn("pointer-events-auto flex w-full max-w-sm items-start gap-3 rounded-lg border px-4 py-3 text-sm shadow-lg", TONES[item.tone])}>
      <p className="min-w-0 flex-1 break-words font-medium">{item.message}</p>
      <button type="button" onClick={() => onDismiss(item.id)} className="-my-1 rounded px-1.5 py-1 text-xs font-medium underline-offset-2 hover:underline" aria-label={`Dismiss: ${item.message}`}>
        Dismiss
      </button>
    </div>
  );
}

/** `toast("Locked device iPhone of JANE SMITH")`. */
export function useToast(): (message: string, tone?: Tone) => void {
  const show = useContext(ToastContext);
  if (!show) throw new Error("useToast needs a ToastProvider above it");
  return show;
}
