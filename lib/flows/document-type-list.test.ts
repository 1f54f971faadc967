import { describe, expect, it } from "vitest";
import { DOCUMENT_TYPES } from "@/lib/emulator/document-types";
import { filterDocumentTypes, sortDocumentTypes } from "./document-type-list";

describe("the forms' document type list", () => {
  const sorted = sortDocumentTypes(DOCUMENT_TYPES);

  it("is sorted by country, then by document name", () => {
    for (let i = 1; i < sorted.length; i++) {
      const [a, b] = [sorted[i - 1], sorted[i]];
      const byCountry = a.countryName.localeCompare(b.countryName, "en", { sensitivity: "base" });
      expect(byCountry < 0 || (byCountry === 0 && a.name.localeCompare(b.name, "en", { sensitivity: "base" }) <= 0), `${a.countryName} ${a.name} before ${b.countryName} ${b.name}`).toBe(true);
    }
    expect(sorted).toHaveLength(DOCUMENT_TYPES.length);
  });

  it("filters on every word, in the country or the document's name, ignoring case and accents", () => {
    const norway = filterDocumentTypes(sorted, "norway PASSPORT");
    expect(norway.length).toBeGreaterThan(0);
    expect(norway.every((d) => d.countryName === "Norway" && /passport/i.test(d.name))).toBe(true);
    expect(filterDocumentTypes(sorted, "138").map((d) => d.id)).toContain(138);
    expect(filterDocumentTypes(sorted, "no such document")).toEqual([]);
    expect(filterDocumentTypes(sorted, "  ")).toEqual(sorted);
  });
});
