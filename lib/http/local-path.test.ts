import { describe, expect, it } from "vitest";
import { hasMalformedEncoding, localPath } from "./local-path";

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

describe("hasMalformedEncoding", () => {
  it("finds percent-encodings that do not decode, and only those", () => {
    for (const bad of ["/api/flows/%FF", "/api/flows/%E0%A4", "/api/users/%", "/flows/a%zz"]) expect(hasMalformedEncoding(bad), bad).toBe(true);
    for (const good of ["/api/flows/abc", "/api/flows/%20x", "/api/users/%C3%A9"]) expect(hasMalformedEncoding(good), good).toBe(false);
  });
});
