"use client";

import type { EmulatorAdminTab } from "@/lib/emulator-admin/schemas";
import { AccountPicker } from "./account-picker";
import { ClientsTab } from "./clients-tab";
import { EventsTab } from "./events-tab";
import { FaultsTab } from "./faults-tab";

export type EmulatorAdminProps = {
  tab: EmulatorAdminTab;
  accountId: string;
  defaultAccountId: string;
  canManageClients: boolean;
  canConfigure: boolean;
  eventNames: string[];
};

export function EmulatorAdmin({ tab, accountId, defaultAccountId, canManageClients, canConfigure, eventNames }: EmulatorAdminProps) {
  if (tab === "clients") return <ClientsTab canManage={canManageClients} defaultAccountId={defaultAccountId} />;
  return (
    <div className="space-y-6">
      <AccountPicker tab={tab} accountId={accountId} />
      {tab === "events" ? (
        <EventsTab key={accountId} accountId={accountId} canConfigure={canConfigure} eventNames={eventNames} />
      ) : (
        <FaultsTab key={accountId} accountId={accountId} canConfigure={canConfigure} />
      )}
    </div>
  );
}
