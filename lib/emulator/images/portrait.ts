/**
 * Portraits for the emulator's proofing results: a selfie, and the photo on a document front,
 * drawn from the person's name, sex and age alone, so the same identity always gives the same face.
 */
import { escapeXml, faceSeed, pick, random } from "./svg";

export type SelfieData = { firstName: string; lastName: string; gender: string; dateOfBirth: string };

// Portraits age against a fixed day so that an image never changes with the calendar.
const PORTRAIT_REFERENCE_DATE = "2025-07-01";

function ageOn(dateOfBirth: string, on: string): number | null {
  const born = /^(\d{4})-(\d{2})-(\d{2})$/.exec(dateOfBirth);
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(on)!;
  if (!born) return null;
  const [by, bm, bd] = born.slice(1).map(Number) as [number, number, number];
  const [y, m, d] = day.slice(1).map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

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
      return (
        [
          [150, 160],
          [200, 128],
          [255, 120],
          [305, 135],
          [345, 175],
          [130, 210],
          [360, 225],
          [120, 265],
          [365, 275],
        ]
          .map(([x, y]) => `<circle ${fill} cx="${x}" cy="${y}" r="44"/>`)
          .join("") + `<ellipse ${fill} cx="240" cy="220" rx="125" ry="95"/>`
      );
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
export function faceContent(data: SelfieData, plain: boolean): string {
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
    parts.push(
      `<path d="M${x - 28} ${eyeY - 36 + dir * 0} Q${x} ${eyeY - 52} ${x + 28} ${eyeY - 38}" stroke="${shade(face.hair === "#e4e4e4" ? "#9e9e9e" : face.hair, -0.1)}" stroke-width="8" fill="none" stroke-linecap="round"/>`,
    );
    if (face.old) {
      const ox = x + dir * 36;
      parts.push(`<path d="M${ox} ${eyeY - 6} l${dir * 10} -5 M${ox} ${eyeY + 4} l${dir * 11} 3" stroke="${skinShadow}" stroke-width="3" fill="none" stroke-linecap="round"/>`);
    }
  }
  if (face.glasses) {
    parts.push(
      `<g fill="none" stroke="#2f2f2f" stroke-width="6"><rect x="148" y="${eyeY - 32}" width="84" height="64" rx="24"/><rect x="248" y="${eyeY - 32}" width="84" height="64" rx="24"/><path d="M232 ${eyeY - 6} Q240 ${eyeY - 14} 248 ${eyeY - 6}"/></g>`,
    );
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
