"use client";

/** The phone-width frame of the app: title bar (the customer's brand in a demo), step indicator, content. */
import type { ReactNode } from "react";
import { textColourOn } from "@/lib/demo/brand-colour";
import { useAppBrand } from "./app-brand";
import { StepIndicator, type AppStep } from "./step-indicator";

/** `announcement`: what must be seen on any screen (a request waiting for this device), above the content. */
export function AppShell({ step, announcement, children }: { step: AppStep | null; announcement?: ReactNode; children: ReactNode }) {
  const brand = useAppBrand();
  return (
    <div className="min-h-dvh bg-slate-100 sm:py-8">
      <div className="mx-auto flex min-h-dvh w-full max-w-[430px] flex-col bg-white sm:min-h-[calc(100dvh-4rem)] sm:overflow-hidden sm:rounded-[2rem] sm:shadow-xl sm:ring-1 sm:ring-slate-200">
        {brand ? (
          <header className="px-5 pb-4 pt-5" style={{ backgroundColor: brand.color, color: textColourOn(brand.color) }} data-testid="app-brand-header">
            <div className="flex items-center gap-3">
              {brand.logoDataUrl ? <img src={brand.logoDataUrl} alt="" className="size-10 rounded-xl bg-white object-contain p-1" /> : null}
              <div>
                <h1 className="text-lg font-bold leading-tight">{brand.name}</h1>
                <p className="text-xs opacity-80">Authenticator · virtual app</p>
              </div>
            </div>
          </header>
        ) : (
          <header className="bg-gradient-to-br from-indigo-700 to-indigo-900 px-5 pb-4 pt-5 text-white">
            <div className="flex items-center gap-3">
              <span className="flex size-10 items-center justify-center rounded-xl bg-white/15" aria-hidden="true">
                <svg viewBox="0 0 24 24" className="size-6" fill="none" stroke="currentColor" strokeWidth="2">
                  <path d="M12 3l7 3v5c0 4.5-3 8.3-7 10-4-1.7-7-5.5-7-10V6z" />
                  <path d="M9 12l2 2 4-4" />
                </svg>
              </span>
              <div>
                <h1 className="text-lg font-bold leading-tight">Authenticator</h1>
                <p className="text-xs text-indigo-200">Virtual app · ReuseID Console</p>
              </div>
            </div>
          </header>
        )}
        {step ? (
          <div className="border-b border-slate-200 bg-white px-4 py-3">
            <StepIndicator current={step} />
          </div>
        ) : null}
        <main className="flex-1 px-5 py-6">
          {announcement}
          {children}
        </main>
        <footer className="px-5 pb-5 text-center text-xs text-slate-500">A stand-in for Signicat&apos;s Authenticator App, for testing only.</footer>
      </div>
    </div>
  );
}
