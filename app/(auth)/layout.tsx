import type { ReactNode } from "react";

export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <main className="flex min-h-full items-center justify-center bg-gradient-to-br from-slate-50 via-white to-indigo-50 px-4 py-12">
      <div className="w-full max-w-sm">
        <div className="mb-8 text-center">
          <div className="mx-auto mb-3 flex h-11 w-11 items-center justify-center rounded-xl bg-indigo-600 text-lg font-bold text-white shadow">R</div>
          <h1 className="text-xl font-semibold tracking-tight text-slate-900">ReuseID Console</h1>
          <p className="mt-1 text-sm text-slate-500">Try Signicat ReuseID from your browser</p>
        </div>
        {children}
      </div>
    </main>
  );
}
