/**
 * The emulator's table of VideoID document types, served by GET /assure/signicatvideoid/document-types
 * and offered to the virtual app. Signicat publishes only a few ids through its examples
 * (138 Norwegian passport, 147 Portuguese passport, 191 German identity card); every other entry,
 * including the unmapped example ids 123, 134, 169, 245 and 277, is the emulator's own choice.
 * An id missing from the table is never rejected: it gets a generic entry.
 */
import type { DocumentTypeOption } from "./app-protocol";

export type DocumentCategory = "passport" | "identityCard" | "driversLicense" | "residencePermit";

type DocumentTypeEntry = DocumentTypeOption & { type: DocumentCategory };

const ICAO_CODE: Record<DocumentCategory, string> = {
  passport: "P",
  identityCard: "ID",
  driversLicense: "DL",
  residencePermit: "IR",
};

const entry = (id: number, country: string, countryName: string, type: DocumentCategory, name: string): DocumentTypeEntry => ({
  id,
  country,
  countryName,
  type,
  name,
  icao: ICAO_CODE[type],
});

export const DOCUMENT_TYPES: DocumentTypeEntry[] = [
  // Known from Signicat's public examples.
  entry(138, "NOR", "Norway", "passport", "Norwegian passport"),
  entry(147, "PRT", "Portugal", "passport", "Portuguese passport"),
  entry(191, "DEU", "Germany", "identityCard", "German identity card"),
  // Ids from Signicat's examples without a published meaning: the emulator's choice.
  entry(123, "SWE", "Sweden", "passport", "Swedish passport"),
  entry(134, "DNK", "Denmark", "passport", "Danish passport"),
  entry(169, "FIN", "Finland", "identityCard", "Finnish identity card"),
  entry(245, "GBR", "United Kingdom", "driversLicense", "UK driving licence"),
  entry(277, "NOR", "Norway", "residencePermit", "Norwegian residence permit"),
  // Further ids, also the emulator's choice.
  entry(139, "NOR", "Norway", "identityCard", "Norwegian national identity card"),
  entry(124, "SWE", "Sweden", "identityCard", "Swedish national identity card"),
  entry(168, "FIN", "Finland", "passport", "Finnish passport"),
  entry(190, "DEU", "Germany", "passport", "German passport"),
  entry(210, "ESP", "Spain", "identityCard", "Spanish identity card (DNI)"),
  entry(211, "ESP", "Spain", "passport", "Spanish passport"),
  entry(220, "NLD", "Netherlands", "passport", "Dutch passport"),
  entry(221, "NLD", "Netherlands", "identityCard", "Dutch identity card"),
  entry(244, "GBR", "United Kingdom", "passport", "British passport"),
];

const BY_ID = new Map(DOCUMENT_TYPES.map((d) => [d.id, d]));

/** The entry for an id; an unknown id gets a generic passport-like entry rather than an error. */
export function documentType(id: number): DocumentTypeEntry {
  return BY_ID.get(id) ?? entry(id, "XXX", "Unknown", "passport", `Document ${id}`);
}

export function documentCategory(id: number): DocumentCategory {
  return documentType(id).type;
}
