import { canPresentDemos } from "@/lib/auth/roles";
import { brandInput, createBrand, listBrands } from "@/lib/demo/brands";
import { data, route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/** Every saved brand profile, for every sales engineer to reuse. */
export const GET = route({ permission: canPresentDemos }, async () => data(await listBrands()));

export const POST = route({ permission: canPresentDemos, action: "demo.brand.create", body: brandInput }, async ({ body, staff, audit }) => {
  const brand = await createBrand(body, staff.id);
  audit({ target: `brand ${brand.name}`, detail: brand.logoDataUrl ? "with a sanitised logo" : "without a logo" });
  return data(brand, { status: 201 });
});
