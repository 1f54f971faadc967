import { describe, expect, it } from "vitest";
import { documentType } from "./document-types";
import { DEFAULT_PERSONA_ID, PERSONAS, findPersona, personaSummary } from "./personas";

function ageOn(dateOfBirth: string, on: Date): number {
  const [y, m, d] = dateOfBirth.split("-").map(Number) as [number, number, number];
  const beforeBirthday = on.getUTCMonth() + 1 < m || (on.getUTCMonth() + 1 === m && on.getUTCDate() < d);
  return on.getUTCFullYear() - y - (beforeBirthday ? 1 : 0);
}

const today = new Date();
const isoToday = today.toISOString().slice(0, 10);

describe("personas", () => {
  it("has at least six distinct people", () => {
    expect(PERSONAS.length).toBeGreaterThanOrEqual(6);
    expect(new Set(PERSONAS.map((p) => p.id)).size).toBe(PERSONAS.length);
    expect(new Set(PERSONAS.map((p) => `${p.firstName} ${p.lastName}`)).size).toBe(PERSONAS.length);
    expect(new Set(PERSONAS.map((p) => p.documentNumber)).size).toBe(PERSONAS.length);
    expect(new Set(PERSONAS.map((p) => p.nationality)).size).toBeGreaterThanOrEqual(6);
    expect(new Set(PERSONAS.map((p) => p.gender))).toEqual(new Set(["F", "M", "X"]));
    expect(PERSONAS.some((p) => p.dateOfBirth.startsWith("195"))).toBe(true);
  });

  it("includes the quick-start's JANE SMITH as the default", () => {
    expect(DEFAULT_PERSONA_ID).toBe("jane-smith");
    expect(findPersona("jane-smith")).toMatchObject({
      firstName: "JANE",
      lastName: "SMITH",
      dateOfBirth: "1990-01-01",
      gender: "F",
      nationality: "NOR",
      docTypeId: 138,
    });
  });

  it("writes names in capitals and uses known document types", () => {
    for (const p of PERSONAS) {
      expect(p.firstName).toBe(p.firstName.toUpperCase());
      expect(p.lastName).toBe(p.lastName.toUpperCase());
      expect(documentType(p.docTypeId).name).not.toMatch(/^Document /);
      expect(documentType(p.docTypeId).country).toBe(p.issuingCountry);
      expect(p.dateOfExpiry > p.dateOfIssue).toBe(true);
    }
  });

  it("has one honest minor and one honest expired document, and nobody else fails", () => {
    const minors = PERSONAS.filter((p) => ageOn(p.dateOfBirth, today) < 18);
    const expired = PERSONAS.filter((p) => p.dateOfExpiry < isoToday);
    expect(minors.map((p) => p.id)).toEqual(["elsa-lindqvist"]);
    expect(expired.map((p) => p.id)).toEqual(["lucia-garcia"]);
    expect(minors[0].note).toMatch(/notUnderage/);
    expect(expired[0].note).toMatch(/nonExpired/);
    // The minor stays a minor for years to come.
    expect(ageOn(minors[0].dateOfBirth, new Date("2030-12-31"))).toBeLessThan(18);
  });

  it("summarises a persona without its private fields", () => {
    const summary = personaSummary(findPersona("lucia-garcia")!);
    expect(summary).not.toHaveProperty("portraitSeed");
    expect(summary.note).toBeDefined();
    expect(personaSummary(findPersona("jane-smith")!)).not.toHaveProperty("note");
    expect(findPersona("nobody")).toBeUndefined();
  });
});
