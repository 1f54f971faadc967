import { describe, expect, it } from "vitest";
import { flowTypeLabel, personName, securityCheckLabel, statusLabel, statusTone } from "./labels";

describe("the one vocabulary", () => {
  it("names flow types as people write them", () => {
    expect(flowTypeLabel("stepup")).toBe("Step-up");
    expect(flowTypeLabel("authentication")).toBe("Authentication");
  });

  it("spells cancelled one way whatever the API wrote", () => {
    expect(statusLabel("CANCELED")).toBe("Cancelled");
    expect(statusLabel("canceled")).toBe("Cancelled");
    expect(statusLabel("Cancelled")).toBe("Cancelled");
  });

  it("reads upper-case states as words and keeps an unknown one readable", () => {
    expect(statusLabel("LOCKED")).toBe("Locked");
    expect(statusLabel("SUSPENDED")).toBe("Suspended");
    expect(statusLabel(undefined)).toBe("Unknown");
  });

  it("gives each status a tone that does not depend on its case", () => {
    expect(statusTone("COMPLETED")).toBe("good");
    expect(statusTone("Pending")).toBe("pending");
    expect(statusTone("rejected")).toBe("bad");
    expect(statusTone("Expired")).toBe("neutral");
  });

  it("names security checks in words, also ones it does not know", () => {
    expect(securityCheckLabel("nonExpired")).toBe("Document not expired");
    expect(securityCheckLabel("chipSignatureValid")).toBe("Chip signature valid");
  });

  it("has one phrase for a missing name", () => {
    expect(personName({ firstName: "JANE", lastName: "SMITH" })).toBe("JANE SMITH");
    expect(personName({})).toBe("No name on record");
    expect(personName(null)).toBe("No name on record");
  });
});
