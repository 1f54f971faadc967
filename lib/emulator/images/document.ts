/**
 * The generated document front: the issuing country's colours, the portrait, the printed fields
 * and the MRZ, as SVG. Text may come from a tester's typing, so every string placed in it is escaped.
 */
import { documentType } from "../document-types";
import { mrzLines, type DocumentImageData } from "./mrz";
import { faceContent } from "./portrait";
import { escapeXml, faceSeed, random } from "./svg";

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
  const countryLine =
    style.native && style.native !== doc.countryName.toUpperCase() ? `${style.native} · ${doc.countryName.toUpperCase()}` : (doc.country === "XXX" ? issuing : doc.countryName).toUpperCase();

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
