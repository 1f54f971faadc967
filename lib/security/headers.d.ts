export function securityHeaders(page: "console" | "authenticator"): { key: string; value: string }[];
