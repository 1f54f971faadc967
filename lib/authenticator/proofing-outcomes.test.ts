import { describe, expect, it } from "vitest";
import { proofingResultHeading } from "./proofing-outcomes";

describe("result heading", () => {
  it("follows the process status when it names an outcome", () => {
    expect(proofingResultHeading("accepted", "accepted")).toBe("Proofing accepted");
    expect(proofingResultHeading("REJECTED", "accepted")).toBe("Proofing rejected");
    expect(proofingResultHeading("cancelled", "canceled")).toBe("Proofing cancelled");
  });

  it("falls back to the outcome that was sent", () => {
    expect(proofingResultHeading("finished", "inconclusive")).toBe("Proofing inconclusive");
  });
});
