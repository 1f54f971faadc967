// next-auth's id for the single sign-on provider, apart from lib/auth/oidc.ts so the sign-in
// button (browser code) does not pull the server's settings in with it.
export const OIDC_PROVIDER_ID = "oidc";
