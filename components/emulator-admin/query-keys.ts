/** react-query keys of the emulator admin page, so a change refreshes exactly what it touched. */
export const emulatorKeys = {
  all: ["emulator-admin"] as const,
  accounts: ["emulator-admin", "accounts"] as const,
  clients: ["emulator-admin", "clients"] as const,
  subscriptions: (accountId: string) => ["emulator-admin", "subscriptions", accountId] as const,
  deliveries: (accountId: string) => ["emulator-admin", "deliveries", accountId] as const,
  faults: (accountId: string) => ["emulator-admin", "faults", accountId] as const,
};

export const accountUrl = (accountId: string, rest = "") => `/api/emulator-admin/accounts/${encodeURIComponent(accountId)}${rest}`;
