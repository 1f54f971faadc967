/** The emulator's accounts and clients as the console's admin page shows them. */
import { emulatorClient } from "@/lib/config";
import { listEmulatorAccounts, listEmulatorClients, type EmulatorAccountView, type EmulatorClientView } from "@/lib/emulator/admin";
import { DEFAULT_ACCOUNT_ID } from "@/lib/emulator/bootstrap";
import { notFound } from "@/lib/http/api-error";

export { DEFAULT_ACCOUNT_ID };

/** `usedByConsole`: the Local emulator environment signs in with it, so it may not be revoked here. */
export type ConsoleEmulatorClient = EmulatorClientView & { usedByConsole: boolean };

export const isConsoleClient = (clientId: string) => clientId === emulatorClient().clientId;

export async function listClientsForConsole(): Promise<ConsoleEmulatorClient[]> {
  return (await listEmulatorClients()).map((c) => ({ ...c, usedByConsole: isConsoleClient(c.clientId) }));
}

export async function getEmulatorAccount(accountId: string): Promise<EmulatorAccountView> {
  const account = (await listEmulatorAccounts()).find((a) => a.accountId === accountId);
  if (!account) throw notFound("The emulator account");
  return account;
}
