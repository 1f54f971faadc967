-- AlterTable
ALTER TABLE "Flow" ADD COLUMN "nextCheckAt" DATETIME;
ALTER TABLE "Flow" ADD COLUMN "checkError" TEXT;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ApiExchange" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "environmentId" TEXT,
    "flowId" TEXT,
    "method" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "status" INTEGER,
    "durationMs" INTEGER NOT NULL,
    "traceId" TEXT,
    "requestBody" TEXT,
    "responseBody" TEXT,
    "error" TEXT,
    "count" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ApiExchange_environmentId_fkey" FOREIGN KEY ("environmentId") REFERENCES "Environment" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "ApiExchange_flowId_fkey" FOREIGN KEY ("flowId") REFERENCES "Flow" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_ApiExchange" ("createdAt", "lastAt", "durationMs", "environmentId", "error", "flowId", "id", "method", "requestBody", "responseBody", "status", "traceId", "url") SELECT "createdAt", "createdAt", "durationMs", "environmentId", "error", "flowId", "id", "method", "requestBody", "responseBody", "status", "traceId", "url" FROM "ApiExchange";
DROP TABLE "ApiExchange";
ALTER TABLE "new_ApiExchange" RENAME TO "ApiExchange";
CREATE INDEX "ApiExchange_flowId_createdAt_idx" ON "ApiExchange"("flowId", "createdAt");
CREATE INDEX "ApiExchange_flowId_lastAt_idx" ON "ApiExchange"("flowId", "lastAt");
CREATE INDEX "ApiExchange_createdAt_idx" ON "ApiExchange"("createdAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "Flow_externalRef_idx" ON "Flow"("externalRef");

-- CreateIndex
CREATE INDEX "Flow_status_createdAt_idx" ON "Flow"("status", "createdAt");

-- CreateIndex
CREATE INDEX "Flow_type_createdAt_idx" ON "Flow"("type", "createdAt");

-- CreateIndex
CREATE INDEX "Flow_environmentId_createdAt_idx" ON "Flow"("environmentId", "createdAt");

-- CreateIndex
CREATE INDEX "Flow_startedById_createdAt_idx" ON "Flow"("startedById", "createdAt");

-- CreateIndex
CREATE INDEX "Flow_nextCheckAt_idx" ON "Flow"("nextCheckAt");

-- Pending flows from before the watcher: it picks them up at once. Written as Prisma's SQLite
-- adapter writes dates (ISO 8601 with milliseconds and +00:00), so they compare as the others do.
UPDATE "Flow" SET "nextCheckAt" = strftime('%Y-%m-%dT%H:%M:%S.000+00:00', 'now') WHERE "status" = 'Pending';
