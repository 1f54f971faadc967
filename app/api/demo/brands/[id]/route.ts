import { z } from "zod";
import { canPresentDemos } from "@/lib/auth/roles";
import { deleteBrand, getBrand } from "@/lib/demo/brands";
import { notFound } from "@/lib/http/api-error";
import { data, route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const DELETE = route({ permission: canPresentDemos, action: "demo.brand.delete", params: z.object({ id: z.string().min(1).max(100) }) }, async ({ params, audit }) => {
  const brand = await getBrand(params.id);
  if (!brand || !(await deleteBrand(params.id))) throw notFound("The brand");
  audit({ target: `brand ${brand.name}` });
  return data({ id: params.id });
});
