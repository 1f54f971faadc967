import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { PresenterView } from "@/components/demo/presenter-view";
import { MaskingProvider } from "@/components/masking/masking";
import { maskingRequested } from "@/components/masking/server";
import { Providers } from "@/components/providers";
import { canPresentDemos, ROLE_LABELS } from "@/lib/auth/roles";
import { currentStaff } from "@/lib/auth/session";
import { listBrands } from "@/lib/demo/brands";
import { ensureDemoEnvironment } from "@/lib/demo/environment";
import { publicEnvironment } from "@/lib/environments";

export const metadata = { title: "Demo" };
export const dynamic = "force-dynamic";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The presenter view: full screen, outside the console's navigation, for a projector or a shared screen. */
export default async function DemoPage({ searchParams }: { searchParams: SearchParams }) {
  const staff = await currentStaff();
  if (!staff) redirect(`/signin?callbackUrl=${encodeURIComponent((await headers()).get("x-console-path") ?? "/demo")}`);
  if (!canPresentDemos(staff)) {
    return (
      <main className="mx-auto max-w-lg p-10">
        <h1 className="text-xl font-semibold">Demos are for sales engineers, testers and admins</h1>
        <p className="mt-2 text-slate-600">
          Your role ({ROLE_LABELS[staff.role]}) may not present demos. An admin can give you the “{ROLE_LABELS.demo}” role on the Staff page.
        </p>
      </main>
    );
  }
  const [environment, brands, masked, params] = await Promise.all([ensureDemoEnvironment(), listBrands(), maskingRequested(), searchParams]);
  const brand = typeof params.brand === "string" ? params.brand : null;
  return (
    <Providers>
      <MaskingProvider initial={masked}>
        <PresenterView environment={publicEnvironment(environment)} brands={brands} initialBrandId={brand} />
      </MaskingProvider>
    </Providers>
  );
}
