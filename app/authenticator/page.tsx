import type { Metadata, Viewport } from "next";
import { AuthenticatorApp } from "@/components/authenticator/authenticator-app";
import { AppBrandProvider } from "@/components/authenticator/app-brand";
import { emulatorEnabled } from "@/lib/config";
import { getBrand } from "@/lib/demo/brands";

export const metadata: Metadata = { title: "Authenticator" };

export const viewport: Viewport = { themeColor: "#3730a3" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const first = (value: string | string[] | undefined): string | null => (Array.isArray(value) ? (value[0] ?? null) : (value ?? null));

/** Public: the virtual app needs no console sign-in. `?config=` and `?code=` come from the console's links, `?brand=` from the presenter view. */
export default async function AuthenticatorPage({ searchParams }: { searchParams: SearchParams }) {
  if (!emulatorEnabled()) {
    return (
      <main className="mx-auto max-w-md p-6">
        <h1 className="text-lg font-semibold">The emulator is off</h1>
        <p className="mt-2 text-sm text-slate-600">This console runs with its embedded emulator switched off (EMULATOR_ENABLED=false), and the virtual app only talks to an emulator.</p>
      </main>
    );
  }
  const params = await searchParams;
  const brandId = first(params.brand);
  const brand = brandId ? await getBrand(brandId) : null;
  return (
    <AppBrandProvider brand={brand}>
      <AuthenticatorApp configParam={first(params.config)} codeParam={first(params.code)} />
    </AppBrandProvider>
  );
}
