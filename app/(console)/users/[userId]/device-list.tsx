"use client";

import { Button } from "@/components/ui/button";
import { DateTime } from "@/components/ui/date-time";
import { StatusBadge } from "@/components/ui/status-badge";
import type { ApiDevice } from "@/lib/end-users/directory";
import { UNNAMED_DEVICE } from "@/lib/ui/labels";
import type { DeviceActionName } from "./user-actions";

/** The user's devices, each with its state, its last use and the actions support may take on it. */
export function DeviceList({ devices, canManage, onAction }: { devices: ApiDevice[]; canManage: boolean; onAction: (device: ApiDevice, action: DeviceActionName, title: string) => void }) {
  if (devices.length === 0) {
    return <p className="text-sm text-slate-600">No device. A device is added when the user activates the Authenticator App with an activation code.</p>;
  }
  return (
    <ul className="divide-y divide-slate-100" aria-label="Devices">
      {devices.map((d) => (
        <li key={d.deviceId} className="py-3 first:pt-0 last:pb-0" aria-label={`Device ${d.deviceName ?? d.deviceId}`}>
          <div className="flex flex-wrap items-center gap-3">
            <span className="font-medium text-slate-900">{d.deviceName ?? UNNAMED_DEVICE}</span>
            <StatusBadge status={d.state} />
            <span className="text-xs text-slate-500">{d.platform}</span>
            <span data-pii="" className="font-mono text-xs text-slate-500">
              {d.deviceId}
            </span>
          </div>
          <p className="mt-1 text-xs text-slate-500">
            Created <DateTime value={d.createdAt} /> · last used {d.lastUsedAt ? <DateTime value={d.lastUsedAt} style="relative" /> : "never"}
            {d.deviceDetails?.lockReason ? (
              <>
                {" "}
                · lock reason: <span className="font-medium text-amber-800">{d.deviceDetails.lockReason}</span>
              </>
            ) : null}
          </p>
          {canManage && d.state !== "DEACTIVATED" ? (
            <div className="mt-2 flex flex-wrap gap-2">
              <Button variant="secondary" className="px-2.5 py-1 text-xs" onClick={() => onAction(d, "rename", "Rename device")}>
                Rename
              </Button>
              {d.state === "LOCKED" ? (
                <Button variant="secondary" className="px-2.5 py-1 text-xs" onClick={() => onAction(d, "unlock", "Unlock device")}>
                  Unlock
                </Button>
              ) : (
                <Button variant="secondary" className="px-2.5 py-1 text-xs" onClick={() => onAction(d, "lock", "Lock device")}>
                  Lock
                </Button>
              )}
              <Button variant="secondary" className="px-2.5 py-1 text-xs" onClick={() => onAction(d, "deactivate", "Deactivate device")}>
                Deactivate
              </Button>
              <Button variant="danger" className="px-2.5 py-1 text-xs" onClick={() => onAction(d, "delete", "Delete device")}>
                Delete
              </Button>
            </div>
          ) : canManage ? (
            <div className="mt-2">
              <Button variant="danger" className="px-2.5 py-1 text-xs" onClick={() => onAction(d, "delete", "Delete device")}>
                Delete
              </Button>
            </div>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
