/**
 * Generated images for the emulator's proofing results: a document front and a selfie, as SVG.
 * Everything is drawn from the identity alone (no assets, no randomness), so the same identity
 * always gives the same face on the selfie and on the document. Text may come from a tester's
 * typing, so every string placed in the SVG is escaped.
 */
import { documentType } from "./document-types";

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

export type SelfieData = { firstName: string; lastName: string; gender: string; dateOfBirth: string };

export type MrzData = DocumentImageData & { issuingCountry?: string; optionalData?: string };

// Portraits age against a fixed day so that an image never changes with the calendar.
const PORTRAIT_REFERENCE_DATE = "2025-07-01";

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[c]!);
}

/** FNV-1a over the upper-cased full name: the seed of a person's face. */
export function faceSeed(firstName: string, lastName: string): number {
  const text = `${firstName.trim()} ${lastName.trim()}`.toUpperCase();
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(next: () => number, items: readonly T[]): T => items[Math.floor(next() * items.length)]!;

function ageOn(dateOfBirth: string, on: string): number | null {
  const born = /^(\d{4})-(\d{2})-(\d{2})$/.exec(dateOfBirth);
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(on)!;
  if (!born) return null;
  const [by, bm, bd] = born.slice(1).map(Number) as [number, number, number];
  const [y, m, d] = day.slice(1).map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

// ---------------------------------------------------------------------------------------------
// MRZ (ICAO 9303)

const MRZ_COUNTRY: Record<string, string> = { DEU: "D<<" };

const TRANSLITERATION: Record<string, string> = {
  Ä: "AE", Ö: "OE", Ü: "UE", ß: "SS", Æ: "AE", Ø: "OE", Å: "AA", Œ: "OE", Ð: "D", Þ: "TH", Ł: "L", Ñ: "N",
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
    const c = field[i]!;
    const value = c >= "0" && c <= "9" ? c.charCodeAt(0) - 48 : c >= "A" && c <= "Z" ? c.charCodeAt(0) - 55 : 0;
    sum += value * weights[i % 3]!;
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
    return [
      fit(`P<${issuing}${names}`, 44),
      number.field + nationality + birthField + mrzSex(data.gender) + expiryField + optionalField + mrzCheckDigit(composite),
    ];
  }

  const code = doc.type === "residencePermit" ? "IR" : doc.country === "DEU" ? "ID" : "I<";
  const line1 = fit(code + issuing + number.field + number.overflow + mrzText(data.optionalData ?? ""), 30);
  const line2Head = birthField + mrzSex(data.gender) + expiryField + nationality + "<".repeat(11);
  const composite = line1.slice(5) + line2Head.slice(0, 7) + line2Head.slice(8, 15) + line2Head.slice(18, 29);
  return [line1, line2Head + mrzCheckDigit(composite), fit(names, 30)];
}

// ---------------------------------------------------------------------------------------------
// Faces

const SKIN = ["#ffdbac", "#f9d2b8", "#f1c27d", "#e0ac69", "#c68642", "#a86b44", "#8d5524", "#eac086"] as const;
const HAIR = ["#2c1b10", "#4a2c17", "#6b3e1f", "#a0522d", "#c9954c", "#e3c07b", "#1b1b1b", "#8e3b1f"] as const;
const HAIR_BOLD = ["#7e57c2", "#26a69a", "#ec407a"] as const;
const EYES = ["#4e342e", "#1e88e5", "#43a047", "#6d4c41", "#546e7a", "#3b2a20"] as const;
const SHIRT = ["#3f51b5", "#00897b", "#e65100", "#6a1b9a", "#c62828", "#2e7d32", "#37474f", "#ad1457"] as const;
const BACKDROP = ["#dbeafe", "#fde68a", "#d1fae5", "#fce7f3", "#ede9fe", "#e0f2fe", "#fef3c7"] as const;

type HairStyle = "short" | "crew" | "receding" | "long" | "bob" | "bun" | "curly";

type Face = {
  skin: string;
  hair: string;
  eyes: string;
  shirt: string;
  backdrop: string;
  style: HairStyle;
  glasses: boolean;
  beard: boolean;
  child: boolean;
  old: boolean;
};

function describeFace(data: SelfieData): Face {
  const next = random(faceSeed(data.firstName, data.lastName));
  const age = ageOn(data.dateOfBirth, PORTRAIT_REFERENCE_DATE) ?? 35;
  const child = age < 14;
  const old = age >= 60;
  const styles: HairStyle[] =
    data.gender === "F"
      ? ["long", "bob", "bun", "long", "bob", "curly"]
      : data.gender === "M"
        ? age >= 45
          ? ["short", "receding", "crew", "receding"]
          : ["short", "crew", "short", "crew", "curly"]
        : ["bob", "short", "curly", "crew", "bob"];
  const skin = pick(next, SKIN);
  const hairColour = data.gender === "X" && next() < 0.5 ? pick(next, HAIR_BOLD) : pick(next, HAIR);
  return {
    skin,
    hair: old ? (next() < 0.5 ? "#c7c7c7" : "#e4e4e4") : hairColour,
    eyes: pick(next, EYES),
    shirt: pick(next, SHIRT),
    backdrop: pick(next, BACKDROP),
    style: pick(next, styles),
    glasses: !child && next() < (old ? 0.7 : 0.3),
    beard: data.gender === "M" && !child && age >= 18 && next() < 0.4,
    child,
    old,
  };
}

function shade(hex: string, amount: number): string {
  const n = parseInt(hex.slice(1), 16);
  const channel = (v: number) => Math.max(0, Math.min(255, Math.round(v * (1 + amount))));
  const r = channel((n >> 16) & 255);
  const g = channel((n >> 8) & 255);
  const b = channel(n & 255);
  return `#${((r << 16) | (g << 8) | b).toString(16).padStart(6, "0")}`;
}

function hairBack(face: Face): string {
  const fill = `fill="${face.hair}"`;
  switch (face.style) {
    case "long":
      return `<path ${fill} d="M112 270 C100 150 170 110 240 110 C310 110 380 150 368 270 L384 470 C330 500 150 500 96 470 Z"/>`;
    case "bob":
      return `<path ${fill} d="M108 280 C96 150 170 108 240 108 C310 108 384 150 372 280 L378 395 C330 420 150 420 102 395 Z"/>`;
    case "bun":
      return `<circle ${fill} cx="240" cy="108" r="58"/>`;
    case "curly":
      return [
        [150, 160], [200, 128], [255, 120], [305, 135], [345, 175], [130, 210], [360, 225], [120, 265], [365, 275],
      ]
        .map(([x, y]) => `<circle ${fill} cx="${x}" cy="${y}" r="44"/>`)
        .join("") + `<ellipse ${fill} cx="240" cy="220" rx="125" ry="95"/>`;
    default:
      return "";
  }
}

function hairFront(face: Face): string {
  const fill = `fill="${face.hair}"`;
  switch (face.style) {
    case "receding":
      return `<path ${fill} d="M122 285 C116 230 128 200 150 190 C150 230 140 260 136 290 Z"/><path ${fill} d="M358 285 C364 230 352 200 330 190 C330 230 340 260 344 290 Z"/><path ${fill} opacity="0.55" d="M160 175 C200 150 280 150 320 175 C290 165 190 165 160 175 Z"/>`;
    case "crew":
      return `<path ${fill} d="M120 262 C112 170 170 128 240 128 C310 128 368 170 360 262 C352 225 340 205 322 196 C280 186 200 186 158 196 C140 205 128 225 120 262 Z"/>`;
    case "curly":
      return `<path ${fill} d="M124 250 C120 175 175 140 240 140 C305 140 360 175 356 250 C330 215 300 200 240 200 C180 200 150 215 124 250 Z"/>`;
    case "long":
    case "bob":
      return `<path ${fill} d="M118 275 C108 165 175 122 245 124 C320 126 372 175 362 275 C350 225 320 190 270 178 C230 205 170 215 118 275 Z"/>`;
    case "bun":
      return `<path ${fill} d="M120 260 C112 170 170 132 240 132 C310 132 368 170 360 260 C340 210 300 185 240 185 C180 185 140 210 120 260 Z"/>`;
    default:
      return `<path ${fill} d="M118 268 C108 165 170 120 240 120 C310 120 372 165 362 268 C352 222 336 200 312 188 C270 205 200 208 150 192 C132 210 122 236 118 268 Z"/>`;
  }
}

/** The face drawn in a 480 × 600 box; `plain` gives the flat backdrop of a document photo. */
function faceContent(data: SelfieData, plain: boolean): string {
  const face = describeFace(data);
  const skinShadow = shade(face.skin, -0.12);
  const lip = shade(face.skin, -0.35);
  const eyeR = face.child ? 19 : 15;
  const eyeY = face.child ? 300 : 288;
  const faceRy = face.child ? 140 : 150;
  const faceCy = face.child ? 300 : 290;
  const backdrop = plain ? "#eef1f4" : face.backdrop;
  const parts: string[] = [];

  parts.push(`<rect width="480" height="600" fill="${backdrop}"/>`);
  if (!plain) parts.push(`<circle cx="400" cy="90" r="120" fill="#ffffff" opacity="0.35"/><circle cx="70" cy="520" r="90" fill="#ffffff" opacity="0.25"/>`);
  parts.push(hairBack(face));
  parts.push(`<path fill="${face.shirt}" d="M50 600 C58 505 140 468 240 468 C340 468 422 505 430 600 Z"/>`);
  parts.push(`<path fill="${shade(face.shirt, -0.2)}" d="M195 468 L240 530 L285 468 Z"/>`);
  parts.push(`<rect x="202" y="395" width="76" height="90" rx="30" fill="${skinShadow}"/>`);
  parts.push(`<ellipse cx="122" cy="${eyeY + 10}" rx="22" ry="32" fill="${skinShadow}"/><ellipse cx="358" cy="${eyeY + 10}" rx="22" ry="32" fill="${skinShadow}"/>`);
  parts.push(`<ellipse cx="240" cy="${faceCy}" rx="120" ry="${faceRy}" fill="${face.skin}"/>`);
  if (face.beard) {
    parts.push(`<path fill="${face.hair}" opacity="0.9" d="M128 320 C135 420 190 445 240 445 C290 445 345 420 352 320 C335 370 300 372 240 372 C180 372 145 370 128 320 Z"/>`);
  }
  parts.push(hairFront(face));

  // Eyes, brows and lines of age.
  for (const x of [190, 290]) {
    parts.push(`<ellipse cx="${x}" cy="${eyeY}" rx="${eyeR + 9}" ry="${eyeR + 4}" fill="#ffffff"/>`);
    parts.push(`<circle cx="${x}" cy="${eyeY + 1}" r="${eyeR}" fill="${face.eyes}"/>`);
    parts.push(`<circle cx="${x}" cy="${eyeY + 1}" r="${eyeR * 0.5}" fill="#1a1a1a"/>`);
    parts.push(`<circle cx="${x + 5}" cy="${eyeY - 4}" r="${eyeR * 0.28}" fill="#ffffff"/>`);
    const dir = x < 240 ? -1 : 1;
    parts.push(`<path d="M${x - 28} ${eyeY - 36 + dir * 0} Q${x} ${eyeY - 52} ${x + 28} ${eyeY - 38}" stroke="${shade(face.hair === "#e4e4e4" ? "#9e9e9e" : face.hair, -0.1)}" stroke-width="8" fill="none" stroke-linecap="round"/>`);
    if (face.old) {
      const ox = x + dir * 36;
      parts.push(`<path d="M${ox} ${eyeY - 6} l${dir * 10} -5 M${ox} ${eyeY + 4} l${dir * 11} 3" stroke="${skinShadow}" stroke-width="3" fill="none" stroke-linecap="round"/>`);
    }
  }
  if (face.glasses) {
    parts.push(`<g fill="none" stroke="#2f2f2f" stroke-width="6"><rect x="148" y="${eyeY - 32}" width="84" height="64" rx="24"/><rect x="248" y="${eyeY - 32}" width="84" height="64" rx="24"/><path d="M232 ${eyeY - 6} Q240 ${eyeY - 14} 248 ${eyeY - 6}"/></g>`);
  }

  // Nose, cheeks, mouth.
  parts.push(`<path d="M228 ${eyeY + 56} Q240 ${eyeY + 68} 252 ${eyeY + 56}" stroke="${skinShadow}" stroke-width="6" fill="none" stroke-linecap="round"/>`);
  parts.push(`<circle cx="168" cy="${eyeY + 62}" r="22" fill="#ff8a80" opacity="0.25"/><circle cx="312" cy="${eyeY + 62}" r="22" fill="#ff8a80" opacity="0.25"/>`);
  const mouthY = eyeY + 100;
  parts.push(`<path d="M200 ${mouthY} Q240 ${mouthY + 34} 280 ${mouthY}" stroke="${lip}" stroke-width="7" fill="none" stroke-linecap="round"/>`);

  return parts.join("");
}

export function selfieSvg(data: SelfieData): string {
  const title = escapeXml(`Selfie of ${data.firstName} ${data.lastName}`.trim());
  return `<svg xmlns="http://www.w3.org/2000/svg" width="480" height="600" viewBox="0 0 480 600" role="img"><title>${title}</title>${faceContent(data, false)}</svg>`;
}

// ---------------------------------------------------------------------------------------------
// Document front

const COUNTRY_STYLE: Record<string, { colours: [string, string]; native: string }> = {
  NOR: { colours: ["#ba0c2f", "#00205b"], native: "NORGE" },
  PRT: { colours: ["#046a38", "#da291c"], native: "PORTUGAL" },
  DEU: { colours: ["#1f3a3d", "#dd0000"], native: "BUNDESREPUBLIK DEUTSCHLAND" },
  SWE: { colours: ["#006aa7", "#d6a400"], native: "SVERIGE" },
  DNK: { colours: ["#c60c30", "#7a1022"], native: "DANMARK" },
  FIN: { colours: ["#002f6c", "#4a78b5"], native: "SUOMI FINLAND" },
  ESP: { colours: ["#aa151b", "#c99700"], native: "ESPAÑA" },
  NLD: { colours: ["#21468b", "#ae1c28"], native: "NEDERLAND" },
  GBR: { colours: ["#012169", "#c8102e"], native: "UNITED KINGDOM" },
};

function countryStyle(country: string): { colours: [string, string]; native: string } {
  const known = COUNTRY_STYLE[country];
  if (known) return known;
  const hue = faceSeed(country, "") % 360;
  return { colours: [`hsl(${hue},55%,32%)`, `hsl(${(hue + 140) % 360},50%,40%)`], native: "" };
}

const MONTHS = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];

function printedDate(date: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const month = match ? MONTHS[Number(match[2]) - 1] : undefined;
  return match && month ? `${match[3]} ${month} ${match[1]}` : date;
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function guilloche(colour: string, seed: number, y0: number, y1: number): string {
  const next = random(seed);
  const lines: string[] = [];
  for (let i = 0; i < 9; i++) {
    const amplitude = 14 + next() * 18;
    const period = 90 + next() * 80;
    const phase = next() * Math.PI * 2;
    const baseY = y0 + ((y1 - y0) * (i + 0.5)) / 9;
    const points: string[] = [];
    for (let x = 0; x <= 856; x += 8) {
      points.push(`${x},${(baseY + amplitude * Math.sin((x / period) * Math.PI * 2 + phase)).toFixed(1)}`);
    }
    lines.push(`<polyline points="${points.join(" ")}" fill="none" stroke="${colour}" stroke-width="1" opacity="0.13"/>`);
  }
  return lines.join("");
}

/** A hand-written-looking name: first given name and surname, shortened to an initial when long. */
function signature(firstName: string, lastName: string, x: number, y: number, width: number): string {
  const titleCase = (text: string) => text.toLowerCase().replace(/(^|[\s-])(\p{L})/gu, (_, sep: string, c: string) => sep + c.toUpperCase());
  const first = titleCase(firstName.trim().split(/\s+/)[0] ?? "");
  const last = titleCase(lastName.trim());
  const full = `${first} ${last}`.trim();
  const text = clip(full.length > 16 && first ? `${first[0]}. ${last}` : full, 24);
  const fits = text.length * 13 <= width;
  return `<text x="${x}" y="${y}" font-size="26" font-style="italic" font-family="'DejaVu Serif',serif" fill="#1d3a8a" opacity="0.85"${fits ? "" : ` textLength="${width}" lengthAdjust="spacingAndGlyphs"`}>${escapeXml(text)}</text>`;
}

export function documentFrontSvg(data: DocumentImageData): string {
  const doc = documentType(data.docTypeId);
  const issuing = doc.country === "XXX" ? data.nationality : doc.country;
  const style = countryStyle(issuing);
  const [primary, secondary] = style.colours;
  // The MRZ names the country of the document drawn: a persona's own issuingCountry (passed along
  // with its data) must not put "P<NOR" on a British passport.
  const mrz = mrzLines({ ...data, issuingCountry: issuing });
  const e = (text: string, max = 34) => escapeXml(clip(text.toUpperCase(), max));
  const countryLine = style.native && style.native !== doc.countryName.toUpperCase() ? `${style.native} · ${doc.countryName.toUpperCase()}` : (doc.country === "XXX" ? issuing : doc.countryName).toUpperCase();

  const field = (x: number, y: number, label: string, value: string, size = 24) =>
    `<text x="${x}" y="${y}" font-size="13" fill="#5b6470" letter-spacing="0.5">${escapeXml(label)}</text>` +
    `<text x="${x}" y="${y + size + 4}" font-size="${size}" font-weight="700" fill="#1d232b">${value}</text>`;

  const surnameSize = data.lastName.length > 20 ? 20 : 26;
  const givenSize = data.firstName.length > 22 ? 20 : 26;
  const mrzTop = mrz.length === 3 ? 404 : 428;
  const mrzZone = mrz.length
    ? `<rect x="0" y="${mrzTop - 16}" width="856" height="${540 - mrzTop + 16}" fill="#ffffff" opacity="0.78"/>` +
      mrz
        .map(
          (line, i) =>
            `<text x="36" y="${mrzTop + 26 + i * 40}" font-family="'OCR-B','DejaVu Sans Mono','Liberation Mono',monospace" font-size="${mrz.length === 3 ? 34 : 28}" fill="#111" textLength="784" lengthAdjust="spacing">${escapeXml(line)}</text>`,
        )
        .join("")
    : `<rect x="0" y="412" width="856" height="128" fill="#ffffff" opacity="0.6"/><text x="36" y="460" font-size="15" fill="#5b6470">CATEGORIES</text><text x="36" y="496" font-size="26" font-weight="700" fill="#1d232b">AM  A  B  BE</text>`;

  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="856" height="540" viewBox="0 0 856 540" role="img" font-family="'Liberation Sans','DejaVu Sans',Arial,Helvetica,sans-serif">`,
    `<title>${escapeXml(`${doc.name}: ${data.lastName}, ${data.firstName}`)}</title>`,
    `<defs><clipPath id="card"><rect width="856" height="540" rx="28"/></clipPath>`,
    `<linearGradient id="paper" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${primary}" stop-opacity="0.05"/><stop offset="1" stop-color="${secondary}" stop-opacity="0.09"/></linearGradient>`,
    `<radialGradient id="glow" cx="0.72" cy="0.5" r="0.6"><stop offset="0" stop-color="${primary}" stop-opacity="0.14"/><stop offset="1" stop-color="${primary}" stop-opacity="0"/></radialGradient></defs>`,
    `<g clip-path="url(#card)">`,
    `<rect width="856" height="540" fill="#fbf8f0"/><rect width="856" height="540" fill="url(#paper)"/><rect width="856" height="540" fill="url(#glow)"/>`,
    guilloche(primary, faceSeed(issuing, doc.name), 84, 400),
    guilloche(secondary, faceSeed(doc.name, issuing), 90, 410),
    `<circle cx="700" cy="250" r="95" fill="none" stroke="${primary}" stroke-width="2" opacity="0.18"/><circle cx="700" cy="250" r="70" fill="none" stroke="${secondary}" stroke-width="2" opacity="0.18"/>`,
    `<rect width="856" height="84" fill="${primary}"/><rect y="84" width="856" height="6" fill="${secondary}"/>`,
    `<text x="36" y="38" font-size="24" font-weight="700" fill="#ffffff" letter-spacing="1">${escapeXml(clip(countryLine, 52))}</text>`,
    `<text x="36" y="67" font-size="17" fill="#ffffff" opacity="0.92" letter-spacing="0.5">${escapeXml(doc.name.toUpperCase())}</text>`,
    `<text x="820" y="52" font-size="30" font-weight="700" fill="#ffffff" text-anchor="end" opacity="0.95">${escapeXml(issuing)}</text>`,
    `<rect x="34" y="110" width="220" height="275" rx="10" fill="#ffffff"/>`,
    `<svg x="38" y="114" width="212" height="267" viewBox="30 40 420 530" preserveAspectRatio="xMidYMid slice">${faceContent(data, true)}</svg>`,
    field(286, 112, "Document no.", e(data.documentNumber, 18)),
    field(580, 112, "Type", escapeXml(doc.icao)),
    field(670, 112, "Code", escapeXml(issuing)),
    field(286, 166, "Surname", e(data.lastName, 30), surnameSize),
    field(286, 220, "Given names", e(data.firstName, 32), givenSize),
    field(286, 274, "Nationality", e(data.nationality, 10)),
    field(450, 274, "Sex", e(data.gender, 3)),
    field(580, 274, "Date of birth", e(printedDate(data.dateOfBirth), 16)),
    field(286, 328, "Date of expiry", e(printedDate(data.dateOfExpiry), 16)),
    `<text x="580" y="328" font-size="13" fill="#5b6470" letter-spacing="0.5">Signature</text>`,
    signature(data.firstName, data.lastName, 580, 368, 240),
    `<text x="428" y="270" font-size="64" font-weight="700" fill="${primary}" opacity="0.07" text-anchor="middle" transform="rotate(-18 428 270)" letter-spacing="12">SPECIMEN</text>`,
    mrzZone,
    `</g>`,
    `<rect x="1" y="1" width="854" height="538" rx="27" fill="none" stroke="#9aa3ad" stroke-width="2"/>`,
    `</svg>`,
  ].join("");
}
