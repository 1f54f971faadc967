// The plain sentence for each `?error=` code a sign-in can come back with: next-auth's own
// codes and the single sign-on refusals of lib/auth/oidc-sign-in.ts.
import type { OidcRefusal } from "@/lib/auth/oidc-sign-in";

export function signInErrorMessage(code: string, providerName = "company sign-in"): string {
  const refusals: Record<OidcRefusal, string> = {
    SsoNoRole: `You signed in with ${providerName}, but your account there gives you no role in this console. Ask the person who runs the console to add you to one of its groups or roles, then try again.`,
    SsoDeactivated: "Your staff account in this console is deactivated. Ask a console admin to reactivate it.",
    SsoEmailUnverified: `${providerName} says your email address is not verified. Verify it there, then try again.`,
    SsoNoEmail: `${providerName} did not tell the console your email address, which it needs to know who you are. Ask the person who runs ${providerName} to release the email claim to the console.`,
  };
  if (code in refusals) return refusals[code as OidcRefusal];
  switch (code) {
    case "OAuthSignin":
      return `${providerName} cannot be reached right now. Try again in a moment.`;
    case "OAuthCallback":
    case "Callback":
    case "OAuthCreateAccount":
    case "access_denied":
      return `The sign-in with ${providerName} did not complete: it was cancelled, or its answer could not be checked. Try again.`;
    case "CredentialsSignin":
      return "The email or password is not correct.";
    case "AccessDenied":
      return "You are not allowed to sign in to this console.";
    case "Configuration":
      return "Sign-in is not set up correctly. Ask the person who runs the console to check its sign-in settings.";
    case "SessionRequired":
      return "Sign in to continue.";
    default:
      return "Sign-in did not work. Try again.";
  }
}
