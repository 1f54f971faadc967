// The floor under the emulator's two bench endpoints on PostgreSQL, as sqlite-floor.mjs is on
// SQLite: a bare node:http server running only the statements the emulator's store runs for them
// (the same named, prepared statements through a pool of 10, as lib/data/sql.ts), on the same
// migrated schema; no token check, validation, trace id, security headers or log. The database
// server shares the machine's cores with this process and the load, as the emulator's does.
// `node scripts/bench/peers/postgres-floor.mjs PORT DATABASE_URL FLOW_ID` (a migrated database; FLOW_ID: the onboarding GET reads).
import { randomInt, randomUUID } from "node:crypto";
import { createServer } from "node:http";
import pg from "pg";

const [port, url, seededFlow] = process.argv.slice(2);
const pool = new pg.Pool({ connectionString: url, max: 10 });
const ACCOUNT = "a-floor";
const CLIENT = "floor-client";
const named =
  (name, text) =>
  (...values) => ({ name, text, values });

await pool.query(
  `INSERT INTO "EmuAccount" ("id", "name", "applicationId", "appPublicKey", "appPrivateKeyEnc", "createdAt") VALUES ($1, 'floor', 'app', 'key', 'sealed', now()) ON CONFLICT DO NOTHING`,
  [ACCOUNT],
);
await pool.query(`INSERT INTO "EmuClient" ("id", "accountId", "name", "secretHash", "createdAt") VALUES ($1, $2, 'floor', 'hash', now()) ON CONFLICT DO NOTHING`, [CLIENT, ACCOUNT]);

// What every bearer request reads (lib/emulator/store/access.ts), then the flow with its parts (store/flows.ts).
const standing = named(
  "standing",
  `SELECT c."accountId", c."revokedAt", f."accountId" AS "faultAccountId", f."latencyMs", f."errorRate", f."paths" FROM "EmuClient" c LEFT JOIN "EmuFaultSetting" f ON f."accountId" = c."accountId" WHERE c."id" = $1`,
);
const flowWithParts = named(
  "flow",
  `SELECT a.*, p."status" AS "processStatus", r."activationCode", r."state" AS "registrationState", r."expiresAt", f.*
  FROM "EmuReuseFlow" f LEFT JOIN "EmuRegistration" r ON r."id" = f."registrationId" LEFT JOIN "EmuAuthentication" a ON a."id" = f."authenticationId" LEFT JOIN "EmuProcess" p ON p."id" = f."processId" WHERE f."id" = $1`,
);
// An onboarding's five rows, in one transaction (store/flows.ts insertOnboarding).
const inserts = [
  named("user", `INSERT INTO "EmuUser" ("id", "accountId", "externalRef", "state", "attributes", "createdAt", "updatedAt") VALUES ($1, $2, NULL, 'ACTIVE', '{}', $3, $3)`),
  named("registration", `INSERT INTO "EmuRegistration" ("id", "accountId", "userId", "activationCode", "state", "expiresAt", "createdAt") VALUES ($1, $2, $3, $4, 'PENDING', $5, $5)`),
  named("dossier", `INSERT INTO "EmuDossier" ("id", "accountId", "externalReference", "createdAt", "updatedAt") VALUES ($1, $2, NULL, $3, $3)`),
  named(
    "process",
    `INSERT INTO "EmuProcess" ("id", "dossierId", "accountId", "provider", "processType", "status", "depictions", "providerSpecific", "createdAt", "updatedAt") VALUES ($1, $2, $3, 'videoid', 'substantial', 'pending', '[]', '{}', $4, $4)`,
  ),
  named(
    "flow-insert",
    `INSERT INTO "EmuReuseFlow" ("id", "accountId", "kind", "status", "externalRef", "provider", "docTypes", "defaultId", "userId", "registrationId", "dossierId", "processId", "createdAt", "updatedAt") VALUES ($1, $2, 'onboarding', 'Pending', NULL, 'videoid', '[]', NULL, $3, $4, $5, $6, $7, $7)`,
  ),
];

async function onboard(ids, at) {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    await client.query(inserts[0](ids.user, ACCOUNT, at));
    await client.query(inserts[1](ids.registration, ACCOUNT, ids.user, ids.code, at));
    await client.query(inserts[2](ids.dossier, ACCOUNT, at));
    await client.query(inserts[3](ids.process, ids.dossier, ACCOUNT, at));
    await client.query(inserts[4](ids.flow, ACCOUNT, ids.user, ids.registration, ids.dossier, ids.process, at));
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

let codes = randomInt(1e9, 2e9); // activation codes are unique: counted up from a random start
const newIds = (flow) => ({ user: randomUUID(), registration: randomUUID(), dossier: randomUUID(), process: randomUUID(), flow, code: String(codes++) });
if ((await pool.query(flowWithParts(seededFlow))).rows.length === 0) await onboard(newIds(seededFlow), new Date());

const send = (res, status, body) => {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(text) }).end(text);
};
const PREFIX = "/reuseid/id-onboardings";
const answerOf = (row) => ({ transactionId: row.id, userId: row.userId, activationCode: row.activationCode, status: row.status, dossierId: row.dossierId, processId: row.processId });

async function handle(req, res) {
  if ((await pool.query(standing(CLIENT))).rows.length === 0) return send(res, 401, { error: "unknown client" });
  if (req.method === "GET" && req.url.startsWith(PREFIX + "/")) {
    const [row] = (await pool.query(flowWithParts(req.url.slice(PREFIX.length + 1)))).rows;
    return row ? send(res, 200, { data: answerOf(row) }) : send(res, 404, { error: "not found" });
  }
  if (req.method === "POST" && req.url === PREFIX) {
    let body = "";
    for await (const chunk of req) body += chunk;
    JSON.parse(body || "{}");
    const ids = newIds(randomUUID());
    await onboard(ids, new Date());
    return send(res, 201, { data: { transactionId: ids.flow, userId: ids.user, activationCode: ids.code, status: "Pending", dossierId: ids.dossier, processId: ids.process } });
  }
  send(res, 404, { error: "not found" });
}

createServer((req, res) => handle(req, res).catch((error) => send(res, 500, { error: String(error.message) }))).listen(Number(port), "127.0.0.1");
