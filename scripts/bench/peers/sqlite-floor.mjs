// The floor under the emulator's two bench endpoints on SQLite: a bare node:http server that runs
// only the statements the emulator's store runs for them, on the same migrated schema, with the
// same pragmas, and answers JSON; no token check, validation, trace id, security headers or log.
// Whatever the emulator does on top costs more than this, so when this floor itself stays under
// a target, keeping every change in SQLite is what stops the target, not the emulator's code.
// `node scripts/bench/peers/sqlite-floor.mjs PORT DATABASE_FILE FLOW_ID` (a migrated database; FLOW_ID: the onboarding GET reads).
import { randomInt, randomUUID } from "node:crypto";
import { createServer } from "node:http";
import Database from "better-sqlite3";

const [port, file, seededFlow] = process.argv.slice(2);
const db = new Database(file, { fileMustExist: true });
db.pragma("journal_mode = WAL");
db.pragma("synchronous = NORMAL");
const now = () => new Date().toISOString().replace("Z", "+00:00");

const ACCOUNT = "a-floor";
const CLIENT = "floor-client";
db.prepare(`INSERT OR IGNORE INTO "EmuAccount" ("id", "name", "applicationId", "appPublicKey", "appPrivateKeyEnc", "createdAt") VALUES (?, 'floor', 'app', 'key', 'sealed', ?)`).run(ACCOUNT, now());
db.prepare(`INSERT OR IGNORE INTO "EmuClient" ("id", "accountId", "name", "secretHash", "createdAt") VALUES (?, ?, 'floor', 'hash', ?)`).run(CLIENT, ACCOUNT, now());

// What every bearer request reads (lib/emulator/store/access.ts), then the flow with its parts (store/flows.ts).
const standing = db.prepare(
  `SELECT c."accountId", c."revokedAt", f."accountId" AS "faultAccountId", f."latencyMs", f."errorRate", f."paths" FROM "EmuClient" c LEFT JOIN "EmuFaultSetting" f ON f."accountId" = c."accountId" WHERE c."id" = ?`,
);
const flowWithParts = db.prepare(`SELECT a.*, p."status" AS "processStatus", r."activationCode", r."state" AS "registrationState", r."expiresAt", f.*
  FROM "EmuReuseFlow" f LEFT JOIN "EmuRegistration" r ON r."id" = f."registrationId" LEFT JOIN "EmuAuthentication" a ON a."id" = f."authenticationId" LEFT JOIN "EmuProcess" p ON p."id" = f."processId" WHERE f."id" = ?`);
// An onboarding's five rows, in one transaction (store/flows.ts insertOnboarding).
const insertUser = db.prepare(`INSERT INTO "EmuUser" ("id", "accountId", "externalRef", "state", "attributes", "createdAt", "updatedAt") VALUES (?, ?, NULL, 'ACTIVE', '{}', ?, ?)`);
const insertRegistration = db.prepare(`INSERT INTO "EmuRegistration" ("id", "accountId", "userId", "activationCode", "state", "expiresAt", "createdAt") VALUES (?, ?, ?, ?, 'PENDING', ?, ?)`);
const insertDossier = db.prepare(`INSERT INTO "EmuDossier" ("id", "accountId", "externalReference", "createdAt", "updatedAt") VALUES (?, ?, NULL, ?, ?)`);
const insertProcess = db.prepare(
  `INSERT INTO "EmuProcess" ("id", "dossierId", "accountId", "provider", "processType", "status", "depictions", "providerSpecific", "createdAt", "updatedAt") VALUES (?, ?, ?, 'videoid', 'substantial', 'pending', '[]', '{}', ?, ?)`,
);
const insertFlow = db.prepare(
  `INSERT INTO "EmuReuseFlow" ("id", "accountId", "kind", "status", "externalRef", "provider", "docTypes", "defaultId", "userId", "registrationId", "dossierId", "processId", "createdAt", "updatedAt") VALUES (?, ?, 'onboarding', 'Pending', NULL, 'videoid', '[]', NULL, ?, ?, ?, ?, ?, ?)`,
);
const onboard = db.transaction((ids, at) => {
  insertUser.run(ids.user, ACCOUNT, at, at);
  insertRegistration.run(ids.registration, ACCOUNT, ids.user, ids.code, at, at);
  insertDossier.run(ids.dossier, ACCOUNT, at, at);
  insertProcess.run(ids.process, ids.dossier, ACCOUNT, at, at);
  insertFlow.run(ids.flow, ACCOUNT, ids.user, ids.registration, ids.dossier, ids.process, at, at);
});

let codes = randomInt(1e9, 2e9); // activation codes are unique: counted up from a random start
const newIds = (flow) => ({ user: randomUUID(), registration: randomUUID(), dossier: randomUUID(), process: randomUUID(), flow, code: String(codes++) });
if (!flowWithParts.get(seededFlow)) onboard(newIds(seededFlow), now());

const send = (res, status, body) => {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(text) }).end(text);
};
const PREFIX = "/reuseid/id-onboardings";

createServer((req, res) => {
  if (!standing.get(CLIENT)) return send(res, 401, { error: "unknown client" });
  if (req.method === "GET" && req.url.startsWith(PREFIX + "/")) {
    const row = flowWithParts.get(req.url.slice(PREFIX.length + 1));
    return row
      ? send(res, 200, { data: { transactionId: row.id, userId: row.userId, activationCode: row.activationCode, status: row.status, dossierId: row.dossierId, processId: row.processId } })
      : send(res, 404, { error: "not found" });
  }
  if (req.method === "POST" && req.url === PREFIX) {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      JSON.parse(body || "{}");
      const ids = newIds(randomUUID());
      onboard.immediate(ids, now());
      send(res, 201, { data: { transactionId: ids.flow, userId: ids.user, activationCode: ids.code, status: "Pending", dossierId: ids.dossier, processId: ids.process } });
    });
    return;
  }
  send(res, 404, { error: "not found" });
}).listen(Number(port), "127.0.0.1");
