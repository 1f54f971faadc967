// The machine-readable zone (ICAO 9303) printed on a generated document front.
import { documentType } from "../document-types";

export type DocumentImageData = {
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  gender: string;
  nationality: string;
  documentNumber: string;
  dateOfExpiry: string;
  docTypeId: number;
};

export type MrzData = DocumentImageData & { issuingCountry?: string; optionalData?: string };

const MRZ_COUNTRY: Record<string, string> = { DEU: "D<<" };

const TRANSLITERATION: Record<string, string> = {
  Ä: "AE",
  Ö: "OE",
  Ü: "UE",
  ß: "SS",
  Æ: "AE",
  Ø: "OE",
  Å: "AA",
  Œ: "OE",
  Ð: "D",
  Þ: "TH",
  Ł: "L",
  Ñ: "N",
};

function mrzText(text: string): string {
  return text
    .toUpperCase()
    .replace(/[ÄÖÜßÆØÅŒÐÞŁ]/g, (c) => TRANSLITERATION[c] ?? c)
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/['’]/g, "")
    .replace(/[^A-Z0-9]+/g, "<")
    .replace(/^<+|<+$/g, "");
}

const fit = (text: string, length: number) => text.slice(0, length).padEnd(length, "<");

function mrzCountry(code: string): string {
  return MRZ_COUNTRY[code] ?? fit(mrzText(code), 3);
}

function mrzDate(date: string): string {
  const match = /^\d{2}(\d{2})-(\d{2})-(\d{2})$/.exec(date);
  return match ? `${match[1]}${match[2]}${match[3]}` : "<<<<<<";
}

function mrzSex(gender: string): string {
  return gender === "F" || gender === "M" ? gender : "<";
}

/** ICAO 9303 check digit: weights 7, 3, 1 over digits, letters (A = 10) and fillers (0). */
export function mrzCheckDigit(field: string): string {
  const weights = [7, 3, 1];
  let sum = 0;
  for (let i = 0; i < field.length; i++) {
    const c = field[i];
    const value = c >= "0" && c <= "9" ? c.charCodeAt(0) - 48 : c >= "A" && c <= "Z" ? c.charCodeAt(0) - 55 : 0;
    sum += value * weights[i % 3];
  }
  return String(sum % 10);
}

/** Document number field and its check digit; a number longer than 9 spills into the optional data. */
function mrzDocumentNumber(documentNumber: string): { field: string; overflow: string } {
  const number = mrzText(documentNumber);
  if (number.length <= 9) {
    const field = fit(number, 9);
    return { field: field + mrzCheckDigit(field), overflow: "" };
  }
  return { field: number.slice(0, 9) + "<", overflow: number.slice(9) + mrzCheckDigit(number) };
}

/**
 * The machine-readable zone of the document: TD3 (2 × 44) for passports, TD1 (3 × 30) for identity
 * cards and residence permits, none for driving licences.
 */
export function mrzLines(data: MrzData): string[] {
  const doc = documentType(data.docTypeId);
  const issuing = mrzCountry(data.issuingCountry ?? (doc.country === "XXX" ? data.nationality : doc.country));
  const nationality = mrzCountry(data.nationality);
  const names = `${mrzText(data.lastName)}<<${mrzText(data.firstName).replace(/<+/g, "<")}`;
  const number = mrzDocumentNumber(data.documentNumber);
  const birth = mrzDate(data.dateOfBirth);
  const expiry = mrzDate(data.dateOfExpiry);
  const birthField = birth + mrzCheckDigit(birth);
  const expiryField = expiry + mrzCheckDigit(expiry);

  if (doc.type === "driversLicense") return [];

  if (doc.type === "passport") {
    const optional = fit(number.overflow + mrzText(data.optionalData ?? ""), 14);
    const optionalField = optional + (/^<+$/.test(optional) ? "<" : mrzCheckDigit(optional));
    const composite = number.field + birthField + expiryField + optionalField;
    return [fit(`P<${issuing}${names}`, 44), number.field + nationality + birthField + mrzSex(data.gender) + expiryField + optionalField + mrzCheckDigit(composite)];
  }

  const code = doc.type === "residencePermit" ? "IR" : doc.country === "DEU" ? "ID" : "I<";
  const line1 = fit(code + issuing + number.field + number.overflow + mrzText(data.optionalData ?? ""), 30);
  const line2Head = birthField + mrzSex(data.gender) + expiryField + nationality + "<".repeat(11);
  const composite = line1.slice(5) + line2Head.slice(0, 7) + line2Head.slice(8, 15) + line2Head.slice(18, 29);
  return [line1, line2Head + mrzCheckDigit(composite), fit(names, 30)];
}
