"use client";

import dynamic from "next/dynamic";
import type { EmulatorAdminTab } from "@/lib/emulator-admin/schemas";
import { AccountPicker } from "./account-picker";

// Each tab in its own chunk: a page loads the tab it shows, and the others when they are opened.
const ClientsTab = dynamic(() => import("./clients-tab").then((m) => m.ClientsTab));
const EventsTab = dynamic(() => import("./events-tab").then((m) => m.EventsTab));
const FaultsTab = dynamic(() => import("./faults-tab").then((m) => m.FaultsTab));

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
