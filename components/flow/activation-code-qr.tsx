"use client";

import { DateTime } from "@/components/ui/date-time";
import { useEffect, useState } from "react";
import { CopyButton } from "@/components/copy-button";
import { Card } from "@/components/ui/card";
import { appConfiguration, virtualAppLink } from "@/lib/environments/app-configuration";
import type { PublicEnvironment } from "@/lib/environments";
import { QrCode } from "@/components/ui/qr-code";

const group = (code: string) => code.replace(/(\d{3})(\d{3})(\d+)/, "$1 $2 $3");

/** The activation code as a large QR and as text, and a way into the virtual app with it filled in. */
export function ActivationCodeQr({ code, environment, expiresAt }: { code: string; environment: PublicEnvironment; expiresAt: Date }) {
  const [origin, setOrigin] = useState("");
  useEffect(() => setOrigin(window.location.origin), []);
  const config = origin ? appConfiguration(environment, origin) : null;
  const link = origin && environment.kind === "embedded" ? virtualAppLink(origin, config, code) : null;

  return (
    <Card title="Activate the device">
      <div className="grid gap-6 md:grid-cols-[auto_1fr]">
        <div className="flex flex-col items-center gap-2">
          <div className="rounded-xl bg-white p-3 ring-1 ring-slate-200">
            <QrCode value={code} size={224} level="M" title={`Activation code ${code}`} role="img" aria-label="Activation code QR" />
          </div>
          <p className="text-xs text-slate-500">Scan in the Authenticator App</p>
        </div>
        <div className="space-y-4">
          <div>
            <p className="text-xs font-medium uppercase tracking-wide text-slate-500">Activation code</p>
            <div className="mt-1 flex items-center gap-3">
              <output data-testid="activation-code" aria-label="Activation code" className="font-mono text-3xl font-semibold tracking-wider text-slate-900">
                {group(code)}
              </output>
              <CopyButton value={code} />
            </div>
            <p className="mt-1 text-xs text-slate-600">
              Expires at <DateTime value={expiresAt} style="time" /> (<DateTime value={expiresAt} style="relative" />; 10 minutes after the start).
            </p>
          </div>
          {link ? (
            <div className="flex items-start gap-4 rounded-lg bg-slate-50 p-3 ring-1 ring-slate-200">
              <QrCode value={link} size={132} level="L" aria-label="Virtual app link QR" role="img" className="shrink-0 rounded bg-white p-1" />
              <div className="space-y-2 text-sm">
                <p className="text-slate-700">
                  No phone at hand? Open the <strong>virtual Authenticator App</strong> with the code filled in — here, or on a phone by scanning this QR.
                </p>
                <p className="text-xs text-slate-500">A phone needs this console at an address it can reach, over https (browsers give the device key&apos;s crypto only to secure pages).</p>
                <a href={link} target="_blank" rel="noopener" className="inline-flex items-center gap-1 font-medium text-indigo-700 hover:underline">
                  Open the virtual app ↗
                </a>
              </div>
            </div>
          ) : environment.kind !== "embedded" ? (
            <p className="text-sm text-slate-600">Enter or scan this code in Signicat&apos;s Authenticator App configured for this account.</p>
          ) : null}
        </div>
      </div>
    </Card>
  );
}
