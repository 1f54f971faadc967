// Starts, for one spec, a real OpenID Connect provider (e2e/oidc/provider.mjs) and a console
// configured to sign staff in with it, each on a free port of 127.0.0.1, on a fresh database.
// The suite's own server (e2e/serve.mjs) has no single sign-on, so the spec brings its own.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { resolve } from "node:path";

export const CLIENT = { id: "reuseid-console-e2e", secret: "e2e-client-secret-0123456789" };

export type SsoConsole = { url: string; urls: string[]; issuer: string; stop: () => Promise<void> };

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const { port } = server.address() as { port: number };
  await new Promise((done) => server.close(done));
  return port;
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    const force = setTimeout(() => child.kill("SIGKILL"), 10_000);
    child.once("exit", () => {
      clearTimeout(force);
      done();
    });
    child.kill("SIGTERM");
  });
}

/** Runs `node e2e/oidc/provider.mjs` and resolves with its issuer once it says it answers. */
function startProvider(redirectUri: string): Promise<{ issuer: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ["e2e/oidc/provider.mjs"], {
    env: { ...process.env, OIDC_PROVIDER_PORT: "0", OIDC_CLIENT_ID: CLIENT.id, OIDC_CLIENT_SECRET: CLIENT.secret, OIDC_REDIRECT_URIS: redirectUri },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  return new Promise((done, fail) => {
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const issuer = /^issuer (\S+)$/m.exec(output)?.[1];
      if (issuer) done({ issuer, child });
    });
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.once("exit", (code) => fail(new Error(`the OpenID Connect provider stopped (${code}):\n${output}`)));
  });
}

async function waitForHealth(url: string, child: ChildProcess, log: () => string) {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the console stopped (${child.exitCode}):\n${log()}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the console did not answer on ${url} in time:\n${log()}`);
}

/**
 * Consoles (`instances` of them, one by default) on the production build in NEXT_DIST_DIR (or
 * .next) with single sign-on against a fresh provider. Several instances share one database and
 * key, and all have the first one's URL as NEXTAUTH_URL, as instances behind one public URL do.
 * `env` adds or overrides settings (PASSWORD_SIGNIN, ADMIN_EMAIL, OIDC_*).
 */
export async function startSsoConsole(name: string, env: Record<string, string>, instances = 1): Promise<SsoConsole> {
  const ports: number[] = [];
  while (ports.length < instances) {
    const port = await freePort();
    if (!ports.includes(port)) ports.push(port);
  }
  const urls = ports.map((port) => `http://127.0.0.1:${port}`);
  const provider = await startProvider(`${urls[0]}/api/auth/callback/oidc`);
  const dir = resolve(`.data/e2e-sso-${name}-${ports[0]}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });

  const consoleEnv: NodeJS.ProcessEnv = { ...process.env };
  // These consoles' settings only: none of the sign-in or database settings of the shell.
  for (const key of Object.keys(consoleEnv)) {
    if (/^(OIDC_|ADMIN_|PASSWORD_SIGNIN$|NEXTAUTH_|DATABASE_URL$|CONSOLE_)/.test(key)) delete consoleEnv[key];
  }
  Object.assign(consoleEnv, {
    DATABASE_URL: `file:${dir}/console.db`,
    CONSOLE_KEY_FILE: `${dir}/encryption.key`,
    HOST: "127.0.0.1",
    NEXTAUTH_URL: urls[0],
    NEXT_TELEMETRY_DISABLED: "1",
    OIDC_ISSUER: provider.issuer,
    OIDC_CLIENT_ID: CLIENT.id,
    OIDC_CLIENT_SECRET: CLIENT.secret,
    ...env,
  });
  execFileSync(process.execPath, ["scripts/migrate.mjs"], { env: consoleEnv, stdio: "pipe" });
  const servers: ChildProcess[] = [];
  const stopAll = () => Promise.all([...servers, provider.child].map(stopProcess));
  try {
    // One after the other: the first start creates the key file the others read.
    for (const [i, port] of ports.entries()) {
      const server = spawn(process.execPath, ["scripts/start.mjs"], { env: { ...consoleEnv, PORT: String(port) }, stdio: ["ignore", "pipe", "pipe"] });
      servers.push(server);
      let log = "";
      server.stdout.on("data", (chunk: Buffer) => (log = (log + chunk.toString()).slice(-20_000)));
      server.stderr.on("data", (chunk: Buffer) => (log = (log + chunk.toString()).slice(-20_000)));
      await waitForHealth(urls[i], server, () => log);
    }
  } catch (error) {
    await stopAll();
    throw error;
  }
  return {
    url: urls[0],
    urls,
    issuer: provider.issuer,
    stop: async () => {
      await stopAll();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
