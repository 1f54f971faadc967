/**
 * Signs the browser out as next-auth's own signOut() does (its CSRF token, then a POST to
 * /api/auth/signout, whose handler ends the session on the server and records it), without
 * next-auth's client library: that was 18 kB gzip in the first load of every console page for
 * this one call. Ends on the page next-auth answers with (the sign-in page).
 */
export async function signOutOfConsole(callbackUrl = "/signin"): Promise<void> {
  const csrf = await fetch("/api/auth/csrf", { cache: "no-store" });
  if (!csrf.ok) throw new Error(`The console did not answer (${csrf.status}).`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch("/api/auth/signout", {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken, callbackUrl, json: "true" }),
  });
  if (!response.ok) throw new Error(`Signing out failed (${response.status}).`);
  const { url } = (await response.json().catch(() => ({}))) as { url?: string };
  window.location.href = url ?? callbackUrl;
}
