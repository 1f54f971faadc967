"use client";

/**
 * Masking personal data for screen-sharing, with one mechanism for every page: whatever shows a
 * name, a birth date, a document number or an id is marked `data-pii` (<Sensitive> does it), and
 * one class on an ancestor (`pii-masked`, see globals.css) hides all of them at once. The switch
 * is remembered per browser in a cookie, so the server renders the first paint masked already.
 */
import { createContext, useCallback, useContext, useState, type ElementType, type ReactNode } from "react";

import { MASKING_COOKIE } from "./masking-cookie";

type Masking = { masked: boolean; setMasked: (masked: boolean) => void };
const MaskingContext = createContext<Masking>({ masked: false, setMasked: () => {} });

export function MaskingProvider({ initial, children }: { initial: boolean; children: ReactNode }) {
  const [masked, setState] = useState(initial);
  const setMasked = useCallback((next: boolean) => {
    setState(next);
    document.cookie = `${MASKING_COOKIE}=${next ? "1" : "0"}; path=/; max-age=${400 * 86_400}; samesite=lax`;
  }, []);
  return (
    <MaskingContext.Provider value={{ masked, setMasked }}>
      <div className={masked ? "pii-masked contents" : "contents"}>{children}</div>
    </MaskingContext.Provider>
  );
}

export const useMasking = () => useContext(MaskingContext);

/** Personal data: hidden (and left out of the page's text) while masking is on. */
export function Sensitive({ children, as: Tag = "span", className }: { children: ReactNode; as?: ElementType; className?: string }) {
  return (
    <Tag data-pii="" className={className}>
      {children}
    </Tag>
  );
}

export function MaskingSwitch({ className = "" }: { className?: string }) {
  const { masked, setMasked } = useMasking();
  return (
    <label className={`inline-flex cursor-pointer items-center gap-2 text-sm text-slate-700 ${className}`} title="Hide names, birth dates, document numbers and ids while you share your screen">
      <input type="checkbox" role="switch" className="size-4 accent-indigo-600" checked={masked} onChange={(e) => setMasked(e.target.checked)} />
      Mask personal data
    </label>
  );
}
