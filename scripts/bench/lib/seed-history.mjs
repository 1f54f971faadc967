// Seeds a console database with a history of flows and their exchanges, generated inside the
// database (a recursive CTE on SQLite, generate_series on PostgreSQL), so 100k flows and 1M
// exchanges take seconds, not minutes of round trips. Rows from..to-1 are added; call it again
// with a higher `to` to grow the same history. Flow i is i × 5 minutes old.
import Database from "better-sqlite3";
import pg from "pg";

const STEP_SECONDS = 315; // 100k flows span a year

export async function seedHistory(url, { from, to, exchangesPerFlow = 10, now = Date.now() }) {
  const epoch = Math.floor(now / 1000);
  if (url.startsWith("file:")) return seedSqlite(url.slice(5), from, to, exchangesPerFlow, epoch);
  return seedPostgres(url, from, to, exchangesPerFlow, epoch);
}

function seedSqlite(file, from, to, perFlow, epoch) {
  const db = new Database(file, { timeout: 20_000 });
  db.pragma("journal_mode = WAL");
  const env = db.prepare(`SELECT "id" FROM "Environment" ORDER BY "createdAt" LIMIT 1`).get().id;
  const staff = ensureStaff(
    (sql, ...a) => db.prepare(sql).all(...a),
    (sql, ...a) => db.prepare(sql).run(...a),
  );
  const ts = (expr) => `strftime('%Y-%m-%dT%H:%M:%S.000+00:00', ${epoch} - (${expr}), 'unixepoch')`;
  db.transaction(() => {
    db.prepare(
      `WITH RECURSIVE s(i) AS (SELECT ${from} UNION ALL SELECT i + 1 FROM s WHERE i + 1 < ${to})
       INSERT INTO "Flow" ("id","type","status","environmentId","startedById","externalRef","transactionId","userId","input","result","createdAt","updatedAt","finishedAt")
       SELECT printf('bench-%07d', i),
              CASE i % 3 WHEN 0 THEN 'onboarding' WHEN 1 THEN 'stepup' ELSE 'authentication' END,
              CASE WHEN i % 100 = 7 THEN 'Pending' WHEN i % 10 = 3 THEN 'Failed' WHEN i % 10 = 5 THEN 'Expired' ELSE 'Completed' END,
              '${env}',
              CASE i % 5 ${staff.map((id, k) => `WHEN ${k} THEN '${id}'`).join(" ")} END,
              'cust-' || i, lower(hex(randomblob(16))), lower(hex(randomblob(16))), '{}', '{"status":"Completed"}',
              ${ts(`i * ${STEP_SECONDS}`)}, ${ts(`i * ${STEP_SECONDS}`)},
              CASE WHEN i % 100 = 7 THEN NULL ELSE ${ts(`i * ${STEP_SECONDS} - 30 - (i % 270)`)} END
         FROM s`,
    ).run();
    if (perFlow > 0) {
      db.prepare(
        `WITH RECURSIVE s(i) AS (SELECT ${from} UNION ALL SELECT i + 1 FROM s WHERE i + 1 < ${to}),
                        k(j) AS (SELECT 0 UNION ALL SELECT j + 1 FROM k WHERE j + 1 < ${perFlow})
         INSERT INTO "ApiExchange" ("id","environmentId","flowId","method","url","status","durationMs","traceId","requestBody","responseBody","error","count","createdAt","lastAt")
         SELECT printf('bx-%07d-%02d', i, j), '${env}', printf('bench-%07d', i), CASE j WHEN 0 THEN 'POST' ELSE 'GET' END,
                'https://api.signicat.com/reuseid/id-onboardings/' || i, 200, 20 + j, lower(hex(randomblob(16))), NULL,
                '{"data":{"status":"Pending","step":' || j || '}}', NULL, 1 + (j % 4),
                ${ts(`i * ${STEP_SECONDS} - j * 3`)}, ${ts(`i * ${STEP_SECONDS} - j * 3 - 2`)}
           FROM s CROSS JOIN k`,
      ).run();
    }
  })();
  db.pragma("optimize");
  db.close();
}

async function seedPostgres(url, from, to, perFlow, epoch) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const env = (await client.query(`SELECT "id" FROM "Environment" ORDER BY "createdAt" LIMIT 1`)).rows[0].id;
    const staff = await ensureStaffAsync(client);
    const ts = (expr) => `(to_timestamp(${epoch} - (${expr})) AT TIME ZONE 'UTC')`;
    await client.query("BEGIN");
    await client.query(
      `INSERT INTO "Flow" ("id","type","status","environmentId","startedById","externalRef","transactionId","userId","input","result","createdAt","updatedAt","finishedAt")
       SELECT 'bench-' || lpad(i::text, 7, '0'),
              CASE i % 3 WHEN 0 THEN 'onboarding' WHEN 1 THEN 'stepup' ELSE 'authentication' END,
              CASE WHEN i % 100 = 7 THEN 'Pending' WHEN i % 10 = 3 THEN 'Failed' WHEN i % 10 = 5 THEN 'Expired' ELSE 'Completed' END,
              '${env}',
              CASE i % 5 ${staff.map((id, k) => `WHEN ${k} THEN '${id}'`).join(" ")} END,
              'cust-' || i, md5('t' || i), md5('u' || i), '{}', '{"status":"Completed"}',
              ${ts(`i * ${STEP_SECONDS}`)}, ${ts(`i * ${STEP_SECONDS}`)},
              CASE WHEN i % 100 = 7 THEN NULL ELSE ${ts(`i * ${STEP_SECONDS} - 30 - (i % 270)`)} END
         FROM generate_series(${from}, ${to - 1}) AS i`,
    );
    if (perFlow > 0) {
      await client.query(
        `INSERT INTO "ApiExchange" ("id","environmentId","flowId","method","url","status","durationMs","traceId","requestBody","responseBody","error","count","createdAt","lastAt")
         SELECT 'bx-' || lpad(i::text, 7, '0') || '-' || lpad(j::text, 2, '0'), '${env}', 'bench-' || lpad(i::text, 7, '0'), CASE j WHEN 0 THEN 'POST' ELSE 'GET' END,
                'https://api.signicat.com/reuseid/id-onboardings/' || i, 200, 20 + j, md5('x' || i || '-' || j), NULL,
                '{"data":{"status":"Pending","step":' || j || '}}', NULL, 1 + (j % 4),
                ${ts(`i * ${STEP_SECONDS} - j * 3`)}, ${ts(`i * ${STEP_SECONDS} - j * 3 - 2`)}
           FROM generate_series(${from}, ${to - 1}) AS i CROSS JOIN generate_series(0, ${perFlow - 1}) AS j`,
      );
    }
    await client.query("COMMIT");
    await client.query(`ANALYZE "Flow"`);
    await client.query(`ANALYZE "ApiExchange"`);
  } finally {
    await client.end();
  }
}

const STAFF = Array.from({ length: 5 }, (_, k) => ({ id: `bench-staff-${k}`, email: `tester${k}@bench.test`, name: `Bench Tester ${k}` }));

function ensureStaff(all, run) {
  for (const s of STAFF)
    run(
      `INSERT OR IGNORE INTO "StaffUser" ("id","email","name","role","active","createdAt","updatedAt") VALUES (?,?,?,'tester',1,?,?)`,
      s.id,
      s.email,
      s.name,
      new Date().toISOString(),
      new Date().toISOString(),
    );
  return STAFF.map((s) => s.id);
}

async function ensureStaffAsync(client) {
  for (const s of STAFF) {
    await client.query(`INSERT INTO "StaffUser" ("id","email","name","role","active","createdAt","updatedAt") VALUES ($1,$2,$3,'tester',true,now(),now()) ON CONFLICT DO NOTHING`, [
      s.id,
      s.email,
      s.name,
    ]);
  }
  return STAFF.map((s) => s.id);
}
