import { describe, expect, it } from "vitest";
import { documentFrontSvg } from "./document";
import { mrzCheckDigit, mrzLines } from "./mrz";
import { selfieSvg } from "./portrait";
import { DOCUMENT_TYPES } from "../document-types";
import { PERSONAS } from "../personas";

const anna = {
  firstName: "ANNA MARIA",
  lastName: "ERIKSSON",
  dateOfBirth: "1974-08-12",
  gender: "F",
  nationality: "UTO",
  documentNumber: "L898902C3",
  dateOfExpiry: "2012-04-15",
  issuingCountry: "UTO",
};

/** A small well-formedness check: tags balance and no raw `<` or `&` sits in text. */
function isWellFormedXml(xml: string): boolean {
  const stack: string[] = [];
  const tag = /<(\/?)([a-zA-Z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>|([^<]+)/g;
  let consumed = 0;
  for (const m of xml.matchAll(tag)) {
    if (m.index !== consumed) return false;
    consumed += m[0].length;
    if (m[5] !== undefined) {
      if (/&(?!(amp|lt|gt|quot|apos|#\d+);)/.test(m[5])) return false;
      continue;
    }
    if (m[1]) {
      if (stack.pop() !== m[2]) return false;
    } else if (!m[4]) stack.push(m[2]);
  }
  return consumed === xml.length && stack.length === 0;
}

describe("MRZ", () => {
  it("computes ICAO 9303 check digits", () => {
    expect(mrzCheckDigit("L898902C3")).toBe("6");
    expect(mrzCheckDigit("740812")).toBe("2");
    expect(mrzCheckDigit("120415")).toBe("9");
    expect(mrzCheckDigit("ZE184226B<<<<<")).toBe("1");
  });

  it("reproduces the ICAO TD3 specimen", () => {
    expect(mrzLines({ ...anna, docTypeId: 99999, optionalData: "ZE184226B" })).toEqual(["P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7408122F1204159ZE184226B<<<<<10"]);
  });

  it("reproduces the ICAO TD1 specimen", () => {
    expect(mrzLines({ ...anna, documentNumber: "D23145890", docTypeId: 169 })).toEqual(["I<UTOD231458907<<<<<<<<<<<<<<<", "7408122F1204159UTO<<<<<<<<<<<6", "ERIKSSON<<ANNA<MARIA<<<<<<<<<<"]);
  });

  it("transliterates names and has the right line lengths for every persona", () => {
    for (const p of PERSONAS) {
      const lines = mrzLines(p);
      for (const line of lines) expect(line).toMatch(/^[A-Z0-9<]+$/);
      if (lines.length) expect(new Set(lines.map((l) => l.length)).size).toBe(1);
    }
    const weber = PERSONAS.find((p) => p.id === "hans-juergen-weber")!;
    expect(mrzLines(weber)[0]).toMatch(/^IDD<</);
    expect(mrzLines(weber)[2]).toMatch(/^WEBER<<HANS<JUERGEN</);
  });
});

describe("images", () => {
  it("escapes typed text and stays well-formed SVG", () => {
    const evil = {
      firstName: `<script>alert("x")</script>`,
      lastName: "O'Brien & Sons",
      dateOfBirth: "not a date",
      gender: "X",
      nationality: "<b>",
      documentNumber: "</svg>",
      dateOfExpiry: "2030-01-01",
      docTypeId: 12345,
    };
    for (const svg of [documentFrontSvg(evil), selfieSvg(evil)]) {
      expect(svg).not.toContain("<script");
      expect(svg).toContain('xmlns="http://www.w3.org/2000/svg"');
      expect(isWellFormedXml(svg)).toBe(true);
    }
    expect(documentFrontSvg(evil)).toContain("&lt;SCRIPT&gt;");
  });

  it("draws every persona deterministically, with the same face on document and selfie", () => {
    for (const p of PERSONAS) {
      const front = documentFrontSvg(p);
      const selfie = selfieSvg(p);
      expect(isWellFormedXml(front)).toBe(true);
      expect(isWellFormedXml(selfie)).toBe(true);
      expect(documentFrontSvg(p)).toBe(front);
      expect(selfieSvg(p)).toBe(selfie);
      // The document carries the face's eyes (iris colour and position) drawn by the selfie.
      const iris = /<circle cx="190" cy="\d+" r="\d+" fill="#[0-9a-f]{6}"\/>/.exec(selfie)![0];
      expect(front).toContain(iris);
    }
    expect(new Set(PERSONAS.map((p) => selfieSvg(p))).size).toBe(PERSONAS.length);
  });
});

describe("the capture preview of every persona on every document type", () => {
  const xml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/'/g, "&apos;").replace(/"/g, "&quot;");

  it.each(PERSONAS.map((p) => [p.id, p] as const))("%s: each document is drawn as itself, with its own MRZ", (_id, persona) => {
    for (const doc of DOCUMENT_TYPES) {
      const svg = documentFrontSvg({ ...persona, docTypeId: doc.id });
      const label = `${persona.id} on ${doc.id} ${doc.name}`;
      expect(svg, label).toContain(xml(doc.name.toUpperCase()));
      expect(svg, label).toContain(`>${doc.country}</text>`);
      const mrz = mrzLines({ ...persona, issuingCountry: doc.country === "XXX" ? persona.nationality : doc.country, docTypeId: doc.id });
      for (const line of mrz) expect(svg, label).toContain(xml(line));
      // ICAO 9303 writes Germany as "D<<" in the MRZ.
      if (doc.type === "passport") expect(mrz[0], label).toMatch(new RegExp(`^P<${doc.country === "DEU" ? "D<<" : doc.country}`));
      if (doc.type === "driversLicense") expect(mrz, label).toEqual([]);
    }
  });
});
