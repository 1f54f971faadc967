-- AlterTable
ALTER TABLE "ApiExchange" ADD COLUMN     "count" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "lastAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- An exchange recorded before runs were folded happened once, when it was created.
UPDATE "ApiExchange" SET "lastAt" = "createdAt";

-- AlterTable
ALTER TABLE "Flow" ADD COLUMN     "nextCheckAt" TIMESTAMP(3),
ADD COLUMN     "checkError" TEXT;

-- CreateIndex
CREATE INDEX "ApiExchange_flowId_lastAt_idx" ON "ApiExchange"("flowId", "lastAt");

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

-- Pending flows from before the watcher: it picks them up at once.
UPDATE "Flow" SET "nextCheckAt" = CURRENT_TIMESTAMP WHERE "status" = 'Pending';
