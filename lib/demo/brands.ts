// Brand profiles for demos: saved once, listed for every sales engineer, reused in each demo.
import { z } from "zod";
import { deleteDemoBrand, getDemoBrand, insertDemoBrand, listDemoBrandsByName } from "@/lib/data/queries/demo";
import type { DemoBrand } from "@/lib/generated/prisma/client";
import { ApiError } from "@/lib/http/api-error";
import { isUniqueViolation } from "@/lib/emulator/ids";
import { LOGO_TYPES, LogoRejected, sanitiseLogo } from "./brand-logo";

/** The form's and the handler's rules. The logo travels as base64 inside the JSON body. */
export const brandInput = z.object({
  name: z.string("Give the customer's name.").trim().min(1, "Give the customer's name.").max(60, "Keep the name under 60 characters."),
  color: z.string("Pick a colour.").regex(/^#[0-9a-fA-F]{6}$/, "A colour is # and six hex digits, e.g. #0b5fff."),
  logo: z
    .object({
      type: z.enum(LOGO_TYPES, { message: "The logo must be a PNG or an SVG." }),
      base64: z
        .string()
        .max(48_000, "The logo is too large: at most 32 KB.")
        .regex(/^[A-Za-z0-9+/]*={0,2}$/, "The logo is not base64."),
    })
    .optional(),
});
export type BrandInput = z.infer<typeof brandInput>;

export type PublicBrand = { id: string; name: string; color: string; logoDataUrl: string | null; createdAt: string };

export function publicBrand(brand: DemoBrand): PublicBrand {
  return {
    id: brand.id,
    name: brand.name,
    color: brand.color,
    logoDataUrl: brand.logo && brand.logoMime ? `data:${brand.logoMime};base64,${brand.logo}` : null,
    createdAt: brand.createdAt.toISOString(),
  };
}

export async function listBrands(): Promise<PublicBrand[]> {
  return (await listDemoBrandsByName()).map(publicBrand);
}

export async function getBrand(id: string): Promise<PublicBrand | null> {
  const brand = await getDemoBrand(id);
  return brand ? publicBrand(brand) : null;
}

/** Sanitises the logo, then saves; a bad logo or a taken name is a field error and saves nothing. */
export async function createBrand(input: BrandInput, createdById: string): Promise<PublicBrand> {
  let logo: { logoMime: string; logo: string } | null = null;
  if (input.logo) {
    try {
      logo = { logoMime: input.logo.type, logo: sanitiseLogo(input.logo.type, Buffer.from(input.logo.base64, "base64")).toString("base64") };
    } catch (error) {
      if (error instanceof LogoRejected) throw new ApiError(400, "validation_failed", "Some fields are not valid.", { logo: error.message });
      throw error;
    }
  }
  try {
    return publicBrand(await insertDemoBrand({ name: input.name, color: input.color.toLowerCase(), createdById, ...logo }));
  } catch (error) {
    if (isUniqueViolation(error)) throw new ApiError(400, "validation_failed", "Some fields are not valid.", { name: "A brand with this name exists: pick it from the list." });
    throw error;
  }
}

export async function deleteBrand(id: string): Promise<boolean> {
  return deleteDemoBrand(id);
}
