-- Flow.input and Flow.result become JSON columns: every stored value was written by JSON.stringify,
-- so the text copies over as it is (Prisma reads SQLite JSON columns as JSON text).
-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Flow" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "type" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "environmentId" TEXT NOT NULL,
    "startedById" TEXT NOT NULL,
    "externalRef" TEXT,
    "transactionId" TEXT,
    "userId" TEXT,
    "deviceId" TEXT,
    "proofingId" TEXT,
    "dossierId" TEXT,
    "processId" TEXT,
    "activationCode" TEXT,
    "input" JSONB NOT NULL,
    "result" JSONB,
    "errorCode" TEXT,
    "errorMessage" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "finishedAt" DATETIME,
    "nextCheckAt" DATETIME,
    "checkError" TEXT,
    CONSTRAINT "Flow_environmentId_fkey" FOREIGN KEY ("environmentId") REFERENCES "Environment" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Flow_startedById_fkey" FOREIGN KEY ("startedById") REFERENCES "StaffUser" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Flow" ("activationCode", "checkError", "createdAt", "deviceId", "dossierId", "environmentId", "errorCode", "errorMessage", "externalRef", "finishedAt", "id", "input", "nextCheckAt", "processId", "proofingId", "result", "startedById", "status", "transactionId", "type", "updatedAt", "userId") SELECT "activationCode", "checkError", "createdAt", "deviceId", "dossierId", "environmentId", "errorCode", "errorMessage", "externalRef", "finishedAt", "id", "input", "nextCheckAt", "processId", "proofingId", "result", "startedById", "status", "transactionId", "type", "updatedAt", "userId" FROM "Flow";
DROP TABLE "Flow";
ALTER TABLE "new_Flow" RENAME TO "Flow";
CREATE INDEX "Flow_createdAt_idx" ON "Flow"("createdAt");
CREATE INDEX "Flow_transactionId_idx" ON "Flow"("transactionId");
CREATE INDEX "Flow_userId_idx" ON "Flow"("userId");
CREATE INDEX "Flow_externalRef_idx" ON "Flow"("externalRef");
CREATE INDEX "Flow_status_createdAt_idx" ON "Flow"("status", "createdAt");
CREATE INDEX "Flow_type_createdAt_idx" ON "Flow"("type", "createdAt");
CREATE INDEX "Flow_environmentId_createdAt_idx" ON "Flow"("environmentId", "createdAt");
CREATE INDEX "Flow_startedById_createdAt_idx" ON "Flow"("startedById", "createdAt");
CREATE INDEX "Flow_nextCheckAt_idx" ON "Flow"("nextCheckAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
