/**
 * A brand logo as uploaded by a sales engineer: a PNG or an SVG, at most LOGO_MAX_BYTES.
 * A PNG is checked to be one (signature and header) and kept as is: browsers run nothing in it.
 * An SVG is rebuilt from an allow-list: only drawing elements and presentation attributes survive,
 * so no script, no event handler, no foreign object and no reference outside the file (an href or
 * url() may only point at an #id inside it). Anything the tokenizer does not understand (DOCTYPE,
 * entities, CDATA) refuses the file instead of guessing.
 */

export const LOGO_MAX_BYTES = 32 * 1024;
export const LOGO_TYPES = ["image/png", "image/svg+xml"] as const;
export type LogoType = (typeof LOGO_TYPES)[number];

export class LogoRejected extends Error {}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Returns the bytes to store, or throws LogoRejected with a sentence for the form. */
export function sanitiseLogo(type: LogoType, bytes: Buffer): Buffer {
  if (bytes.length === 0) throw new LogoRejected("The file is empty.");
  if (bytes.length > LOGO_MAX_BYTES) throw new LogoRejected(`The logo is ${Math.ceil(bytes.length / 1024)} KB; at most ${LOGO_MAX_BYTES / 1024} KB.`);
  if (type === "image/png") return checkPng(bytes);
  return Buffer.from(sanitiseSvg(bytes.toString("utf8")), "utf8");
}

function checkPng(bytes: Buffer): Buffer {
  if (bytes.length < 33 || !bytes.subarray(0, 8).equals(PNG_SIGNATURE) || bytes.toString("latin1", 12, 16) !== "IHDR") {
    throw new LogoRejected("This file is not a PNG image.");
  }
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  if (!width || !height || width > 4096 || height > 4096) throw new LogoRejected("The PNG must be between 1 and 4096 pixels wide and high.");
  return bytes;
}

const ELEMENTS = new Set([
  "svg",
  "g",
  "defs",
  "title",
  "desc",
  "symbol",
  "use",
  "path",
  "rect",
  "circle",
  "ellipse",
  "line",
  "polyline",
  "polygon",
  "text",
  "tspan",
  "lineargradient",
  "radialgradient",
  "stop",
  "clippath",
  "mask",
  "pattern",
]);

const ATTRIBUTES = new Set([
  "xmlns",
  "xmlns:xlink",
  "version",
  "id",
  "class",
  "viewbox",
  "preserveaspectratio",
  "width",
  "height",
  "x",
  "y",
  "x1",
  "y1",
  "x2",
  "y2",
  "cx",
  "cy",
  "r",
  "rx",
  "ry",
  "fx",
  "fy",
  "d",
  "points",
  "transform",
  "fill",
  "fill-opacity",
  "fill-rule",
  "stroke",
  "stroke-width",
  "stroke-opacity",
  "stroke-linecap",
  "stroke-linejoin",
  "stroke-dasharray",
  "stroke-dashoffset",
  "stroke-miterlimit",
  "opacity",
  "clip-path",
  "clip-rule",
  "mask",
  "offset",
  "stop-color",
  "stop-opacity",
  "gradientunits",
  "gradienttransform",
  "spreadmethod",
  "patternunits",
  "patterncontentunits",
  "patterntransform",
  "clippathunits",
  "maskunits",
  "maskcontentunits",
  "font-family",
  "font-size",
  "font-weight",
  "font-style",
  "text-anchor",
  "dominant-baseline",
  "letter-spacing",
  "dx",
  "dy",
  "href",
  "xlink:href",
  "style",
  "visibility",
  "display",
]);

/** Presentation values may name colours and lengths, and url(#id) inside the file; nothing that fetches or runs. */
function safeValue(name: string, value: string): boolean {
  // Entities and CSS escapes could spell "url(" or "javascript:" past the checks below.
  if (/[\u0000-\u0008&\\]/.test(value)) return false;
  if (name === "href" || name === "xlink:href") return /^#[\w.-]+$/.test(value.trim());
  const withoutLocalRefs = value.replace(/url\(\s*#[\w.-]+\s*\)/gi, "");
  if (/url\s*\(|\\/i.test(withoutLocalRefs)) return false;
  return !/(javascript|vbscript|data|expression|@import|behavior)\s*[:(]/i.test(value) && !/[<>]/.test(value);
}

const escapeText = (text: string) =>
  text
    .replace(/&(?!(amp|lt|gt|quot|apos|#\d+|#x[\da-f]+);)/gi, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;");
const escapeAttr = (text: string) => escapeText(text).replace(/"/g, "&quot;");

/** Rebuilds the SVG keeping only allow-listed elements (with their allow-listed attributes) and their text. */
export function sanitiseSvg(source: string): string {
  const text = source.replace(/^\uFEFF/, "");
  if (/<!DOCTYPE|<!ENTITY|<!\[CDATA\[/i.test(text)) throw new LogoRejected("The SVG declares a DOCTYPE, entities or CDATA: save it as plain SVG.");
  const out: string[] = [];
  const open: { name: string; kept: boolean }[] = [];
  const dropped = () => open.some((o) => !o.kept);
  const token = /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<\/\s*([\w:.-]+)\s*>|<([\w:.-]+)((?:\s+[\w:.-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|([^<]+)|(<)/g;
  let sawSvg = false;
  for (const m of text.matchAll(token)) {
    const [, closing, opening, attrs, selfClosing, chars, stray] = m;
    if (stray) throw new LogoRejected("The SVG is not well-formed.");
    if (chars !== undefined) {
      if (!dropped() && open.length) out.push(escapeText(chars));
      continue;
    }
    if (closing) {
      const top = open.pop();
      if (!top || top.name !== closing.toLowerCase()) throw new LogoRejected("The SVG is not well-formed.");
      if (top.kept && !dropped()) out.push(`</${closing}>`);
      continue;
    }
    if (!opening) continue; // comments and processing instructions are left out
    const name = opening.toLowerCase();
    if (!open.length) {
      if (name !== "svg" || sawSvg) throw new LogoRejected("The file is not an SVG image.");
      sawSvg = true;
    }
    const kept = ELEMENTS.has(name) && !dropped();
    if (kept) {
      const safe: string[] = [];
      for (const a of (attrs ?? "").matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
        const attrName = a[1].toLowerCase();
        const value = a[2] ?? a[3] ?? "";
        if (ATTRIBUTES.has(attrName) && safeValue(attrName, value)) safe.push(` ${a[1]}="${escapeAttr(value)}"`);
      }
      out.push(`<${opening}${safe.join("")}${selfClosing ? "/" : ""}>`);
    }
    if (!selfClosing) open.push({ name, kept });
  }
  if (!sawSvg) throw new LogoRejected("The file is not an SVG image.");
  if (open.length) throw new LogoRejected("The SVG is not well-formed.");
  return out.join("");
}
