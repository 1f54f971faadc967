import { describe, expect, it } from "vitest";
import { textColourOn } from "./brand-colour";

describe("text on a brand colour", () => {
  it("is white on dark colours and dark on light ones", () => {
    expect(textColourOn("#0b3d91")).toBe("#ffffff");
    expect(textColourOn("#c00000")).toBe("#ffffff");
    expect(textColourOn("#ffd400")).toBe("#0f172a");
    expect(textColourOn("#ffffff")).toBe("#0f172a");
  });
});
