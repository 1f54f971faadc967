// A console for the bench parts that read it as a signed-in browser does (history, watchers):
// startConsole's server with the admin's session and small get/call helpers.
import { consoleSession, startConsole } from "./console-server.mjs";

export async function signedInConsole({ port, database = "sqlite", env = {} }) {
  const server = await startConsole({ port, database, env });
  const session = await consoleSession(server.origin);
  // A kept-alive socket the server closed while the bench was busy (seeding) fails once: ask again.
  const fetchAgain = async (url, init) => {
    try {
      return await fetch(url, init);
    } catch {
      return fetch(url, init);
    }
  };
  const get = async (path) => {
    const r = await fetchAgain(server.origin + path, { headers: { cookie: session } });
    const text = await r.text();
    if (!r.ok) throw new Error(`GET ${path}: ${r.status} ${text.slice(0, 200)}`);
    return { response: r, text };
  };
  const call = async (method, path, body) => {
    const r = await fetchAgain(server.origin + path, { method, headers: { cookie: session, "content-type": "application/json", origin: server.origin }, body: body && JSON.stringify(body) });
    const text = await r.text();
    if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${text.slice(0, 200)}`);
    return JSON.parse(text);
  };
  return { ...server, url: server.databaseUrl, session, get, call };
}

/** The PostgreSQL server the bench may use, or null. */
export const benchPostgres = () => process.env.BENCH_POSTGRES_URL || process.env.TEST_POSTGRES_URL || null;
