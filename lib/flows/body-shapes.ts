/** The request body shapes the API accepts for a start, as the form's picker names them; zod-free, so the form's first load has no zod. */
export const BODY_SHAPES = {
  current: "Current (provider + videoidProviderOptions)",
  "2024": "2024 (eidProviderOptions)",
  quickstart: "Quick start (input wrapper)",
} as const;
export type BodyShape = keyof typeof BODY_SHAPES;
