// The kinds of environment and their labels, without the form's rules: every console page shows
// the environment badge, and importing schema.ts for two constants would ship zod to each page.
export const ENVIRONMENT_KINDS = ["embedded", "sandbox", "production"] as const;
export type EnvironmentKind = (typeof ENVIRONMENT_KINDS)[number];

export const KIND_LABELS: Record<EnvironmentKind, string> = {
  embedded: "Emulator",
  sandbox: "Signicat sandbox",
  production: "Signicat production",
};
