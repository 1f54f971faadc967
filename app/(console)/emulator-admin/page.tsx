import { EmulatorAdmin } from "@/components/emulator-admin/emulator-admin";
import { EmulatorTabs } from "@/components/emulator-admin/emulator-tabs";
import { PageHeader } from "@/components/ui/card";
import { Notice } from "@/components/ui/states";
import { canConfigureEmulator, canManageEmulatorClients } from "@/lib/auth/roles";
import { requireStaff } from "@/lib/auth/session";
import { emulatorClient, emulatorSecretIsDocumentedDefault } from "@/lib/config";
import { EVENT_NAMES } from "@/lib/emulator/events";
import { DEFAULT_ACCOUNT_ID } from "@/lib/emulator-admin/accounts";
import { tabFrom } from "@/lib/emulator-admin/schemas";

export const metadata = { title: "Emulator" };

export default async function EmulatorAdminPage({ searchParams }: { searchParams: Promise<{ tab?: string; account?: string }> }) {
  const [staff, query] = await Promise.all([requireStaff(), searchParams]);
  const tab = tabFrom(query.tab);
  const accountId = query.account || DEFAULT_ACCOUNT_ID;
  return (
    <>
      <PageHeader
        title="Emulator"
        description="The embedded Signicat emulator: its API clients and accounts, the events it sends to your webhooks, and faults to make the next call fail so you can watch how your integration behaves."
      />
      {emulatorSecretIsDocumentedDefault() && (
        <Notice tone="warning">
          The default client <code>{emulatorClient().clientId}</code> uses the documented default secret (the README names it), so the emulator accepts it only from this machine (loopback). To call
          the emulator from elsewhere, set <code>EMULATOR_CLIENT_SECRET</code> or create a client below.
        </Notice>
      )}
      <EmulatorTabs tab={tab} accountId={accountId} />
      <EmulatorAdmin
        tab={tab}
        accountId={accountId}
        defaultAccountId={DEFAULT_ACCOUNT_ID}
        canManageClients={canManageEmulatorClients(staff)}
        canConfigure={canConfigureEmulator(staff)}
        eventNames={[...EVENT_NAMES]}
      />
    </>
  );
}
