/** Which server and account the app is connected to, and whether that was checked. */
import type { PlainError } from "@/lib/authenticator/error-messages";
import type { StoredConfiguration } from "@/lib/authenticator/profiles";
import { Button, Spinner } from "./ui";

export type ConfigurationCheck = { state: "checking" } | { state: "ok"; accountName: string } | { state: "error"; error: PlainError };

export function ConfigurationSummary({ configuration, check, onRetry, onChange }: { configuration: StoredConfiguration; check: ConfigurationCheck; onRetry: () => void; onChange: () => void }) {
  const host = safeHost(configuration.serverUrl);
  return (
    <div className={`rounded-2xl border p-4 ${check.state === "error" ? "border-red-200 bg-red-50" : "border-slate-200 bg-slate-50"}`} aria-live="polite">
      <div className="flex items-start justify-between gap-3">
        <div className="min-w-0">
          <p className="text-xs font-medium uppercase tracking-wide text-slate-500">Connected to</p>
          {check.state === "checking" ? (
            <p className="mt-1 flex items-center gap-2 text-sm text-slate-700">
              <Spinner className="size-4" /> Checking the configuration…
            </p>
          ) : check.state === "ok" ? (
            <p className="mt-0.5 font-semibold text-slate-900">
              <span aria-hidden="true" className="mr-1 text-emerald-600">
                ●
              </span>
              {check.accountName}
            </p>
          ) : (
            <div className="mt-0.5 text-sm text-red-900" role="alert">
              <p className="font-semibold">{check.error.title}</p>
              <p>{check.error.message}</p>
            </div>
          )}
          <p className="mt-0.5 truncate font-mono text-xs text-slate-500" title={configuration.serverUrl}>
            {host} · app {configuration.applicationId}
          </p>
        </div>
        <Button variant="ghost" className="min-h-10 shrink-0 px-3 text-sm" onClick={onChange}>
          Change
        </Button>
      </div>
      {check.state === "error" ? (
        <Button variant="secondary" className="mt-3 w-full" onClick={onRetry}>
          Check again
        </Button>
      ) : null}
    </div>
  );
}

function safeHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
