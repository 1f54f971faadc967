/**
 * The emulator's test personas: people a tester (or a script) can "be" when the virtual app
 * captures a document. Each one is an honest document: the under-age and the expired persona
 * fail their security checks because of their dates, not because a flag says so.
 * Dates of expiry follow from a fixed date of issue and the document's validity, so the table
 * never moves with the calendar.
 */
import type { PersonaSummary } from "./app-protocol";
import { faceSeed } from "./images/svg";

export type Persona = PersonaSummary & {
  issuingCountry: string;
  dateOfIssue: string;
  portraitSeed: number;
};

/** The last day a document issued on `dateOfIssue` for `years` is valid. */
function validUntil(dateOfIssue: string, years: number): string {
  const [y, m, d] = dateOfIssue.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y + years, m - 1, d - 1)).toISOString().slice(0, 10);
}

type PersonaSeed = Omit<Persona, "dateOfExpiry" | "portraitSeed"> & { validityYears: number };

function persona({ validityYears, ...p }: PersonaSeed): Persona {
  return { ...p, dateOfExpiry: validUntil(p.dateOfIssue, validityYears), portraitSeed: faceSeed(p.firstName, p.lastName) };
}

export const DEFAULT_PERSONA_ID = "jane-smith";

export const PERSONAS: Persona[] = [
  persona({
    id: "jane-smith",
    label: "Jane Smith (Norwegian passport)",
    firstName: "JANE",
    lastName: "SMITH",
    dateOfBirth: "1990-01-01",
    gender: "F",
    nationality: "NOR",
    issuingCountry: "NOR",
    docTypeId: 138,
    documentNumber: "FH8204371",
    dateOfIssue: "2025-03-17",
    validityYears: 10,
  }),
  persona({
    id: "joao-santos",
    label: "João Santos (Portuguese passport)",
    firstName: "JOÃO PEDRO",
    lastName: "FERREIRA SANTOS",
    dateOfBirth: "1984-03-22",
    gender: "M",
    nationality: "PRT",
    issuingCountry: "PRT",
    docTypeId: 147,
    documentNumber: "CB482716",
    dateOfIssue: "2026-02-16",
    validityYears: 5,
  }),
  persona({
    id: "hans-juergen-weber",
    label: "Hans-Jürgen Weber (German identity card, born 1956)",
    firstName: "HANS-JÜRGEN",
    lastName: "WEBER",
    dateOfBirth: "1956-11-03",
    gender: "M",
    nationality: "DEU",
    issuingCountry: "DEU",
    docTypeId: 191,
    documentNumber: "L7H4N29FW",
    dateOfIssue: "2024-08-12",
    validityYears: 10,
  }),
  persona({
    id: "sam-van-dijk",
    label: "Sam van Dijk (Dutch passport, sex X)",
    firstName: "SAM",
    lastName: "VAN DIJK",
    dateOfBirth: "1996-07-12",
    gender: "X",
    nationality: "NLD",
    issuingCountry: "NLD",
    docTypeId: 220,
    documentNumber: "NWR4K81P6",
    dateOfIssue: "2025-01-20",
    validityYears: 10,
  }),
  persona({
    id: "aino-virtanen",
    label: "Aino Virtanen (Finnish identity card)",
    firstName: "AINO",
    lastName: "VIRTANEN",
    dateOfBirth: "1988-12-05",
    gender: "F",
    nationality: "FIN",
    issuingCountry: "FIN",
    docTypeId: 169,
    documentNumber: "003842917",
    dateOfIssue: "2026-05-04",
    validityYears: 5,
  }),
  persona({
    id: "oliver-bennett",
    label: "Oliver Bennett (UK driving licence)",
    firstName: "OLIVER",
    lastName: "BENNETT",
    dateOfBirth: "1972-02-12",
    gender: "M",
    nationality: "GBR",
    issuingCountry: "GBR",
    docTypeId: 245,
    documentNumber: "BENNE702122O99AB",
    dateOfIssue: "2022-06-01",
    validityYears: 10,
  }),
  persona({
    id: "elsa-lindqvist",
    label: "Elsa Lindqvist (Swedish passport, under 18)",
    firstName: "ELSA",
    lastName: "LINDQVIST",
    dateOfBirth: "2015-06-14",
    gender: "F",
    nationality: "SWE",
    issuingCountry: "SWE",
    docTypeId: 123,
    documentNumber: "91827364",
    dateOfIssue: "2026-03-02",
    validityYears: 5,
    note: "Born 2015: under 18 until 2033, so the notUnderage check fails.",
  }),
  persona({
    id: "lucia-garcia",
    label: "Lucía García López (Spanish identity card, expired)",
    firstName: "LUCÍA",
    lastName: "GARCÍA LÓPEZ",
    dateOfBirth: "1978-09-30",
    gender: "F",
    nationality: "ESP",
    issuingCountry: "ESP",
    docTypeId: 210,
    documentNumber: "48213957T",
    dateOfIssue: "2013-04-01",
    validityYears: 10,
    note: "Identity card expired on 2023-03-31, so the nonExpired check fails.",
  }),
];

const BY_ID = new Map(PERSONAS.map((p) => [p.id, p]));

export function findPersona(id: string): Persona | undefined {
  return BY_ID.get(id);
}

export function personaSummary(p: Persona): PersonaSummary {
  const summary: PersonaSummary = {
    id: p.id,
    label: p.label,
    firstName: p.firstName,
    lastName: p.lastName,
    dateOfBirth: p.dateOfBirth,
    gender: p.gender,
    nationality: p.nationality,
    documentNumber: p.documentNumber,
    dateOfExpiry: p.dateOfExpiry,
    docTypeId: p.docTypeId,
  };
  if (p.note) summary.note = p.note;
  return summary;
}
