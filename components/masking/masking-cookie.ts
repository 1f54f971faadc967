/** The cookie that remembers, per browser, that personal data is masked. */
export const MASKING_COOKIE = "console-mask-pii";
