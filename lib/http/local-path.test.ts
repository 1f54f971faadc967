import { describe, expect, it } from "vitest";
import { localPath } from "./local-path";

describe("localPath", () => {
  it("keeps the console's own paths", () => {
    expect(localPath("/flows?status=Completed")).toBe("/flows?status=Completed");
    expect(localPath("/users/u-1")).toBe("/users/u-1");
  });

  it("refuses anything that could leave the console", () => {
    for (const evil of ["//evil.example", "/\\evil.example", "/%5Cevil.example", "/\t/evil.example", "https://evil.example/", "javascript:alert(1)", "", undefined]) {
      const kept = localPath(evil);
      expect(new URL(kept, "http://console.invalid").origin, String(evil)).toBe("http://console.invalid");
    }
    expect(localPath("//evil.example")).toBe("/");
    expect(localPath("/\\evil.example")).toBe("/");
  });
});
