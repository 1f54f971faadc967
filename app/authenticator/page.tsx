import type { Metadata, Viewport } from "next";
import { AuthenticatorApp } from "@/components/authenticator/authenticator-app";

export const metadata: Metadata = { title: "Authenticator" };

export const viewport: Viewport = { themeColor: "#3730a3" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const first = (value: string | string[] | undefined): string | null => (Array.isArray(value) ? (value[0] ?? null) : (value ?? null));

/** Public: the virtual app needs no console sign-in. `?config=` and `?code=` come from the console's links. */
export default async function AuthenticatorPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  return <AuthenticatorApp configParam={first(params.config)} codeParam={first(params.code)} />;
}
