import { describe, expect, it } from "vitest";
import { DOCUMENT_TYPES, documentCategory, documentType } from "./document-types";

describe("document types", () => {
  it("maps the ids Signicat's examples use", () => {
    expect(documentType(138)).toMatchObject({ country: "NOR", type: "passport", icao: "P" });
    expect(documentType(147)).toMatchObject({ country: "PRT", type: "passport" });
    expect(documentType(191)).toMatchObject({ country: "DEU", type: "identityCard", icao: "ID" });
    for (const id of [123, 134, 169, 245, 277]) expect(DOCUMENT_TYPES.some((d) => d.id === id)).toBe(true);
  });

  it("has unique ids and alpha-3 countries", () => {
    expect(new Set(DOCUMENT_TYPES.map((d) => d.id)).size).toBe(DOCUMENT_TYPES.length);
    for (const d of DOCUMENT_TYPES) expect(d.country).toMatch(/^[A-Z]{3}$/);
  });

  it("never throws for an unknown id", () => {
    for (const id of [0, -1, 99999, Number.NaN, 1.5]) {
      expect(() => documentType(id)).not.toThrow();
      expect(documentType(id).country).toBe("XXX");
    }
    expect(documentType(4242).name).toBe("Document 4242");
    expect(documentCategory(4242)).toBe("passport");
    expect(documentCategory(245)).toBe("driversLicense");
  });
});
