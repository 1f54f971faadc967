// What `npm start` (and so the first `npm run console`) prints once the server answers: the
// address to open and, on a console without staff, that the first admin is created there.
// A newcomer otherwise sees Next's "Ready" line and has to guess the rest.

/** Waits for the health probe, then says where to go; silent if the server never comes up (it says why itself). */
export async function announceWhereNext({ port, host, log = console.log, attempts = 240 }) {
  const local = `http://${host && host !== "0.0.0.0" && host !== "::" ? host : "localhost"}:${port}`;
  for (let i = 0; i < attempts; i++) {
    try {
      if ((await fetch(`${local}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
    if (i === attempts - 1) return null;
  }
  // /setup shows the first-run form while no staff user exists and redirects to sign-in after.
  let firstRun = false;
  try {
    firstRun = (await fetch(`${local}/setup`, { redirect: "manual" })).status === 200;
  } catch {
    // keep the plain message
  }
  const message = firstRun
    ? `\n  ReuseID Console is ready: open ${local}/setup to create the first admin (you sign in with it from then on).\n`
    : `\n  ReuseID Console is ready: open ${local} and sign in.\n`;
  log(message);
  return message;
}
