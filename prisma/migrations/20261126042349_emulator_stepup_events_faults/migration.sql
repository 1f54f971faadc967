-- AlterTable
ALTER TABLE "EmuDevice" ADD COLUMN "simulatorKeyEnc" TEXT;

-- AlterTable
ALTER TABLE "EmuProcess" ADD COLUMN "expiresAt" DATETIME;

-- CreateTable
CREATE TABLE "EmuFaultSetting" (
    "accountId" TEXT NOT NULL PRIMARY KEY,
    "latencyMs" INTEGER NOT NULL DEFAULT 0,
    "errorRate" REAL NOT NULL DEFAULT 0,
    "paths" TEXT NOT NULL DEFAULT '[]',
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "EmuEventSubscription" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "accountId" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "secretEnc" TEXT NOT NULL,
    "events" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "EmuEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "accountId" TEXT NOT NULL,
    "eventName" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "EmuEventDelivery" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "accountId" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "eventName" TEXT NOT NULL,
    "subscriptionId" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "attemptLog" TEXT NOT NULL DEFAULT '[]',
    "nextAttemptAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_EmuAuthentication" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "accountId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "deviceId" TEXT NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'PENDING',
    "challenge" TEXT NOT NULL,
    "preOperationContext" TEXT,
    "postOperationContext" TEXT,
    "requestedAttributes" TEXT NOT NULL DEFAULT '[]',
    "userAttributes" TEXT,
    "sendPush" BOOLEAN NOT NULL DEFAULT false,
    "flowId" TEXT,
    "expiresAt" DATETIME NOT NULL,
    "completedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_EmuAuthentication" ("accountId", "challenge", "createdAt", "deviceId", "expiresAt", "id", "postOperationContext", "preOperationContext", "requestedAttributes", "state", "updatedAt", "userAttributes", "userId") SELECT "accountId", "challenge", "createdAt", "deviceId", "expiresAt", "id", "postOperationContext", "preOperationContext", "requestedAttributes", "state", "updatedAt", "userAttributes", "userId" FROM "EmuAuthentication";
DROP TABLE "EmuAuthentication";
ALTER TABLE "new_EmuAuthentication" RENAME TO "EmuAuthentication";
CREATE INDEX "EmuAuthentication_accountId_deviceId_state_idx" ON "EmuAuthentication"("accountId", "deviceId", "state");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "EmuEventSubscription_accountId_idx" ON "EmuEventSubscription"("accountId");

-- CreateIndex
CREATE INDEX "EmuEvent_accountId_createdAt_idx" ON "EmuEvent"("accountId", "createdAt");

-- CreateIndex
CREATE INDEX "EmuEventDelivery_state_nextAttemptAt_idx" ON "EmuEventDelivery"("state", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "EmuEventDelivery_accountId_createdAt_idx" ON "EmuEventDelivery"("accountId", "createdAt");
