/** Bounds the create-client form shows and its schema (schemas.ts) enforces; kept apart from zod so the form's first load has none. */
export const TOKEN_LIFETIME_SECONDS = { min: 1, max: 3600, default: 600 } as const;
