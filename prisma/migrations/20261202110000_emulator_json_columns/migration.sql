-- The emulator's JSON text columns become JSONB. SQLite keeps the text (Prisma reads and writes it as
-- JSON); the tables are redefined only because the declared type changes. Prisma writes the
-- Json defaults unquoted (DEFAULT []), which SQLite refuses: quoted here.
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
    "preOperationContext" JSONB,
    "postOperationContext" JSONB,
    "requestedAttributes" JSONB NOT NULL DEFAULT '[]',
    "userAttributes" JSONB,
    "sendPush" BOOLEAN NOT NULL DEFAULT false,
    "flowId" TEXT,
    "expiresAt" DATETIME NOT NULL,
    "completedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_EmuAuthentication" ("accountId", "challenge", "completedAt", "createdAt", "deviceId", "expiresAt", "flowId", "id", "postOperationContext", "preOperationContext", "requestedAttributes", "sendPush", "state", "updatedAt", "userAttributes", "userId") SELECT "accountId", "challenge", "completedAt", "createdAt", "deviceId", "expiresAt", "flowId", "id", "postOperationContext", "preOperationContext", "requestedAttributes", "sendPush", "state", "updatedAt", "userAttributes", "userId" FROM "EmuAuthentication";
DROP TABLE "EmuAuthentication";
ALTER TABLE "new_EmuAuthentication" RENAME TO "EmuAuthentication";
CREATE INDEX "EmuAuthentication_accountId_deviceId_state_idx" ON "EmuAuthentication"("accountId", "deviceId", "state");
CREATE TABLE "new_EmuDevice" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "accountId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "deviceName" TEXT NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'ACTIVE',
    "lockReason" TEXT,
    "platform" TEXT NOT NULL DEFAULT 'WEB',
    "appVersion" TEXT,
    "deviceHash" TEXT NOT NULL,
    "publicKey" JSONB NOT NULL,
    "simulatorKeyEnc" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" DATETIME
);
INSERT INTO "new_EmuDevice" ("accountId", "appVersion", "createdAt", "deviceHash", "deviceName", "id", "lastUsedAt", "lockReason", "platform", "publicKey", "simulatorKeyEnc", "state", "userId") SELECT "accountId", "appVersion", "createdAt", "deviceHash", "deviceName", "id", "lastUsedAt", "lockReason", "platform", "publicKey", "simulatorKeyEnc", "state", "userId" FROM "EmuDevice";
DROP TABLE "EmuDevice";
ALTER TABLE "new_EmuDevice" RENAME TO "EmuDevice";
CREATE INDEX "EmuDevice_accountId_userId_idx" ON "EmuDevice"("accountId", "userId");
CREATE TABLE "new_EmuEventDelivery" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "accountId" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "eventName" TEXT NOT NULL,
    "subscriptionId" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "attemptLog" JSONB NOT NULL DEFAULT '[]',
    "nextAttemptAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_EmuEventDelivery" ("accountId", "attemptLog", "attempts", "body", "createdAt", "eventId", "eventName", "id", "nextAttemptAt", "state", "subscriptionId", "updatedAt", "url") SELECT "accountId", "attemptLog", "attempts", "body", "createdAt", "eventId", "eventName", "id", "nextAttemptAt", "state", "subscriptionId", "updatedAt", "url" FROM "EmuEventDelivery";
DROP TABLE "EmuEventDelivery";
ALTER TABLE "new_EmuEventDelivery" RENAME TO "EmuEventDelivery";
CREATE INDEX "EmuEventDelivery_state_nextAttemptAt_idx" ON "EmuEventDelivery"("state", "nextAttemptAt");
CREATE INDEX "EmuEventDelivery_accountId_createdAt_idx" ON "EmuEventDelivery"("accountId", "createdAt");
CREATE TABLE "new_EmuEventSubscription" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "accountId" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "secretEnc" TEXT NOT NULL,
    "events" JSONB NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO "new_EmuEventSubscription" ("accountId", "createdAt", "events", "id", "secretEnc", "url") SELECT "accountId", "createdAt", "events", "id", "secretEnc", "url" FROM "EmuEventSubscription";
DROP TABLE "EmuEventSubscription";
ALTER TABLE "new_EmuEventSubscription" RENAME TO "EmuEventSubscription";
CREATE INDEX "EmuEventSubscription_accountId_idx" ON "EmuEventSubscription"("accountId");
CREATE TABLE "new_EmuFaultSetting" (
    "accountId" TEXT NOT NULL PRIMARY KEY,
    "latencyMs" INTEGER NOT NULL DEFAULT 0,
    "errorRate" REAL NOT NULL DEFAULT 0,
    "paths" JSONB NOT NULL DEFAULT '[]',
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_EmuFaultSetting" ("accountId", "errorRate", "latencyMs", "paths", "updatedAt") SELECT "accountId", "errorRate", "latencyMs", "paths", "updatedAt" FROM "EmuFaultSetting";
DROP TABLE "EmuFaultSetting";
ALTER TABLE "new_EmuFaultSetting" RENAME TO "EmuFaultSetting";
CREATE TABLE "new_EmuProcess" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "dossierId" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "provider" TEXT NOT NULL DEFAULT 'signicatvideoid',
    "processType" TEXT NOT NULL DEFAULT 'substantial',
    "status" TEXT NOT NULL DEFAULT 'pending',
    "depictions" JSONB NOT NULL DEFAULT '[]',
    "providerSpecific" JSONB NOT NULL DEFAULT '{}',
    "failReason" JSONB,
    "persona" TEXT,
    "startedAt" DATETIME,
    "expiresAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "EmuProcess_dossierId_fkey" FOREIGN KEY ("dossierId") REFERENCES "EmuDossier" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_EmuProcess" ("accountId", "createdAt", "depictions", "dossierId", "expiresAt", "failReason", "id", "persona", "processType", "provider", "providerSpecific", "startedAt", "status", "updatedAt") SELECT "accountId", "createdAt", "depictions", "dossierId", "expiresAt", "failReason", "id", "persona", "processType", "provider", "providerSpecific", "startedAt", "status", "updatedAt" FROM "EmuProcess";
DROP TABLE "EmuProcess";
ALTER TABLE "new_EmuProcess" RENAME TO "EmuProcess";
CREATE TABLE "new_EmuReuseFlow" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "accountId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'Pending',
    "externalRef" TEXT,
    "provider" TEXT NOT NULL DEFAULT 'videoid',
    "docTypes" JSONB NOT NULL DEFAULT '[]',
    "defaultId" INTEGER,
    "userId" TEXT NOT NULL,
    "deviceId" TEXT,
    "registrationId" TEXT,
    "authenticationId" TEXT,
    "dossierId" TEXT NOT NULL,
    "processId" TEXT NOT NULL,
    "proofingId" TEXT,
    "errorCode" TEXT,
    "errorMessage" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_EmuReuseFlow" ("accountId", "authenticationId", "createdAt", "defaultId", "deviceId", "docTypes", "dossierId", "errorCode", "errorMessage", "externalRef", "id", "kind", "processId", "proofingId", "provider", "registrationId", "status", "updatedAt", "userId") SELECT "accountId", "authenticationId", "createdAt", "defaultId", "deviceId", "docTypes", "dossierId", "errorCode", "errorMessage", "externalRef", "id", "kind", "processId", "proofingId", "provider", "registrationId", "status", "updatedAt", "userId" FROM "EmuReuseFlow";
DROP TABLE "EmuReuseFlow";
ALTER TABLE "new_EmuReuseFlow" RENAME TO "EmuReuseFlow";
CREATE INDEX "EmuReuseFlow_accountId_userId_idx" ON "EmuReuseFlow"("accountId", "userId");
CREATE INDEX "EmuReuseFlow_processId_idx" ON "EmuReuseFlow"("processId");
CREATE TABLE "new_EmuSigningKey" (
    "kid" TEXT NOT NULL PRIMARY KEY,
    "publicJwk" JSONB NOT NULL,
    "privateJwkEnc" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO "new_EmuSigningKey" ("createdAt", "kid", "privateJwkEnc", "publicJwk") SELECT "createdAt", "kid", "privateJwkEnc", "publicJwk" FROM "EmuSigningKey";
DROP TABLE "EmuSigningKey";
ALTER TABLE "new_EmuSigningKey" RENAME TO "EmuSigningKey";
CREATE TABLE "new_EmuUser" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "accountId" TEXT NOT NULL,
    "externalRef" TEXT,
    "segment" TEXT,
    "state" TEXT NOT NULL DEFAULT 'ACTIVE',
    "attributes" JSONB NOT NULL DEFAULT '{}',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_EmuUser" ("accountId", "attributes", "createdAt", "externalRef", "id", "segment", "state", "updatedAt") SELECT "accountId", "attributes", "createdAt", "externalRef", "id", "segment", "state", "updatedAt" FROM "EmuUser";
DROP TABLE "EmuUser";
ALTER TABLE "new_EmuUser" RENAME TO "EmuUser";
CREATE INDEX "EmuUser_accountId_externalRef_idx" ON "EmuUser"("accountId", "externalRef");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
