"use client";

/** The customer's brand the app wears in a demo (`/authenticator?brand=<id>`): its name, logo and colour in the header. */
import { createContext, useContext, type ReactNode } from "react";

export type AppBrand = { name: string; color: string; logoDataUrl: string | null };

const AppBrandContext = createContext<AppBrand | null>(null);

export function AppBrandProvider({ brand, children }: { brand: AppBrand | null; children: ReactNode }) {
  return <AppBrandContext.Provider value={brand}>{children}</AppBrandContext.Provider>;
}

export const useAppBrand = () => useContext(AppBrandContext);
