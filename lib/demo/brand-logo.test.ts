import { describe, expect, it } from "vitest";
import { LOGO_MAX_BYTES, LogoRejected, sanitiseLogo, sanitiseSvg } from "./brand-logo";

const svg = (inner: string, attrs = "") => `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"${attrs}>${inner}</svg>`;
// A 1×1 PNG.
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64");

describe("brand logos", () => {
  it("keeps a plain drawing as it was", () => {
    const clean = svg(
      `<defs><linearGradient id="g"><stop offset="0" stop-color="#0b5fff"/></linearGradient></defs><rect width="10" height="10" fill="url(#g)"/><text x="1" y="8" font-size="6">A&amp;B</text>`,
    );
    expect(sanitiseSvg(clean)).toBe(clean);
  });

  it("drops scripts, event handlers, foreign objects and styles, with everything inside them", () => {
    const out = sanitiseSvg(
      svg(
        `<script>alert(1)</script><rect width="5" height="5" onload="alert(2)" onclick='x()'/><foreignObject><div>hi</div></foreignObject><style>@import url(http://x)</style><g><circle r="2"/></g>`,
        ` onload="alert(3)"`,
      ),
    );
    expect(out).not.toMatch(/script|alert|onload|onclick|foreignObject|<div|@import|<style/i);
    expect(out).toContain(`<rect width="5" height="5"/>`);
    expect(out).toContain(`<g><circle r="2"/></g>`);
  });

  it("drops every reference outside the file: hrefs, url() and javascript: values", () => {
    const out = sanitiseSvg(
      svg(
        `<image href="https://evil.example/x.png"/><use href="https://evil.example/s.svg#a"/><use xlink:href="#local"/><a href="javascript:alert(1)"><rect width="1" height="1"/></a>` +
          `<rect width="1" height="1" fill="url(https://evil.example/p)" style="fill:url('http://x')"/><rect width="2" height="2" style="fill:&#117;rl(http://x)"/><rect width="3" height="3" fill="u\\72l(http://x)"/>`,
      ),
    );
    expect(out).not.toMatch(/evil|javascript|http:\/\/x|&#117;|\\72/);
    expect(out).toContain(`<use xlink:href="#local"/>`);
    expect(out).toContain(`<rect width="1" height="1"/>`);
  });

  it("refuses DOCTYPEs and entities, non-SVG files and broken markup, with a sentence for the form", () => {
    for (const bad of [`<!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>${svg("&x;")}`, `<html><body>not a logo</body></html>`, svg(`<rect width="1"`), svg(`<g><rect/></svg>`), `just text`]) {
      expect(() => sanitiseSvg(bad), bad).toThrow(LogoRejected);
    }
  });

  it("accepts a real PNG, refuses a file that only claims to be one, and limits the size", () => {
    expect(sanitiseLogo("image/png", PNG)).toEqual(PNG);
    expect(() => sanitiseLogo("image/png", Buffer.from(svg("")))).toThrow("This file is not a PNG image.");
    expect(() => sanitiseLogo("image/svg+xml", Buffer.alloc(LOGO_MAX_BYTES + 1, 32))).toThrow(/at most 32 KB/);
    expect(() => sanitiseLogo("image/png", Buffer.alloc(0))).toThrow("The file is empty.");
  });
});
