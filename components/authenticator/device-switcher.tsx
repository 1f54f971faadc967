"use client";

/** The devices activated in this browser: pick the current one, or add another. */
import { describeDeviceState } from "@/lib/authenticator/device-state";
import type { DeviceProfile } from "@/lib/authenticator/profiles";
import { DeviceStateBadge } from "./device-state-badge";
import { Button, SectionTitle } from "./ui";

export function DeviceSwitcher({
  profiles,
  currentProfileId,
  onSelect,
  onAdd,
  onBack,
}: {
  profiles: DeviceProfile[];
  currentProfileId: string | null;
  onSelect: (profileId: string) => void;
  onAdd: () => void;
  onBack: (() => void) | null;
}) {
  return (
    <div className="space-y-5">
      <SectionTitle description="Each device has its own key in this browser, as if it were a separate phone. Pick the one to use.">Devices on this browser</SectionTitle>
      <ul className="grid gap-2" aria-label="Devices on this browser">
        {profiles.map((profile) => {
          const current = profile.profileId === currentProfileId;
          return (
            <li key={profile.profileId}>
              <button
                type="button"
                onClick={() => onSelect(profile.profileId)}
                aria-current={current ? "true" : undefined}
                className={`flex w-full items-center justify-between gap-3 rounded-2xl border p-4 text-left transition-colors focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 ${
                  current ? "border-indigo-400 bg-indigo-50 ring-1 ring-indigo-400" : "border-slate-200 bg-white hover:bg-slate-50"
                }`}
              >
                <span className="min-w-0">
                  <span className="block break-words font-semibold text-slate-900">{profile.deviceName}</span>
                  <span className="block truncate text-sm text-slate-500">
                    {profile.accountName ? `${profile.accountName} · ` : ""}
                    {hostOf(profile.serverUrl)}
                  </span>
                  {current ? <span className="mt-1 block text-xs font-semibold text-indigo-700">In use</span> : null}
                </span>
                <DeviceStateBadge view={describeDeviceState(profile.lastKnownState ?? "UNKNOWN")} />
              </button>
            </li>
          );
        })}
      </ul>
      <Button className="w-full" onClick={onAdd}>
        Add another device
      </Button>
      {onBack ? (
        <Button variant="ghost" className="w-full" onClick={onBack}>
          Back to my device
        </Button>
      ) : null}
    </div>
  );
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
