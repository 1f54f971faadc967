"use client";

import { useEffect, useState } from "react";

/** False until React has taken over the page: forms keep their submit disabled till then, so a click never submits natively. */
export function useHydrated(): boolean {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}
