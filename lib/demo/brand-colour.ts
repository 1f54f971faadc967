/** White or near-black text, whichever reads better on the brand's colour (WCAG relative luminance). */
export function textColourOn(hex: string): "#ffffff" | "#0f172a" {
  const channels = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  const luminance = 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2];
  // Contrast with white is 1.05 / (L + 0.05); with #0f172a about (L + 0.05) / 0.058.
  return 1.05 / (luminance + 0.05) >= (luminance + 0.05) / 0.058 ? "#ffffff" : "#0f172a";
}
