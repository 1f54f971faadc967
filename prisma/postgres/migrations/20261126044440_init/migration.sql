-- CreateTable
CREATE TABLE "StaffUser" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT,
    "role" TEXT NOT NULL DEFAULT 'viewer',
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "StaffUser_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Environment" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "baseUrl" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "clientSecretEnc" TEXT NOT NULL,
    "accountId" TEXT,
    "appApplicationId" TEXT,
    "appPublicKey" TEXT,
    "appServerUrl" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Environment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Flow" (
    "id" TEXT NOT NULL,
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
    "input" TEXT NOT NULL,
    "result" TEXT,
    "errorCode" TEXT,
    "errorMessage" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "Flow_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FlowEvent" (
    "id" TEXT NOT NULL,
    "flowId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "detail" TEXT,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FlowEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApiExchange" (
    "id" TEXT NOT NULL,
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
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ApiExchange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EndUser" (
    "id" TEXT NOT NULL,
    "environmentId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "externalRef" TEXT,
    "firstName" TEXT,
    "lastName" TEXT,
    "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EndUser_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEntry" (
    "id" TEXT NOT NULL,
    "actorId" TEXT,
    "actorEmail" TEXT NOT NULL,
    "actorRole" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "target" TEXT,
    "environmentId" TEXT,
    "reason" TEXT,
    "outcome" TEXT NOT NULL,
    "traceId" TEXT,
    "detail" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EmuAccount" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "appPublicKey" TEXT NOT NULL,
    "appPrivateKeyEnc" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EmuAccount_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EmuClient" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "secretHash" TEXT NOT NULL,
    "tokenLifetimeSeconds" INTEGER NOT NULL DEFAULT 600,
    "revokedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EmuClient_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EmuSigningKey" (
    "kid" TEXT NOT NULL,
    "publicJwk" TEXT NOT NULL,
    "privateJwkEnc" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EmuSigningKey_pkey" PRIMARY KEY ("kid")
);

-- CreateTable
CREATE TABLE "EmuUser" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "externalRef" TEXT,
    "segment" TEXT,
    "state" TEXT NOT NULL DEFAULT 'ACTIVE',
    "attributes" TEXT NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "EmuUser_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EmuDevice" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "deviceName" TEXT NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'ACTIVE',
    "lockReason" TEXT,
    "platform" TEXT NOT NULL DEFAULT 'WEB',
    "appVersion" TEXT,
    "deviceHash" TEXT NOT NULL,
    "publicKey" TEXT NOT NULL,
    "simulatorKeyEnc" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMP(3),

    CONSTRAINT "EmuDevice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EmuRegistration" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "activationCode" TEXT NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'PENDING',
    "deviceName" TEXT,
    "deviceId" TEXT,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "completedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EmuRegistration_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EmuAuthentication" (
    "id" TEXT NOT NULL,
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
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "completedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "EmuAuthentication_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EmuReuseFlow" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'Pending',
    "externalRef" TEXT,
    "provider" TEXT NOT NULL DEFAULT 'videoid',
    "docTypes" TEXT NOT NULL DEFAULT '[]',
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
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "EmuReuseFlow_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EmuDossier" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "externalReference" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "EmuDossier_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EmuProcess" (
    "id" TEXT NOT NULL,
    "dossierId" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "provider" TEXT NOT NULL DEFAULT 'signicatvideoid',
    "processType" TEXT NOT NULL DEFAULT 'substantial',
    "status" TEXT NOT NULL DEFAULT 'pending',
    "depictions" TEXT NOT NULL DEFAULT '[]',
    "providerSpecific" TEXT NOT NULL DEFAULT '{}',
    "failReason" TEXT,
    "persona" TEXT,
    "startedAt" TIMESTAMP(3),
    "expiresAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "EmuProcess_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EmuProofing" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "dossierId" TEXT NOT NULL,
    "processId" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EmuProofing_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EmuFaultSetting" (
    "accountId" TEXT NOT NULL,
    "latencyMs" INTEGER NOT NULL DEFAULT 0,
    "errorRate" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "paths" TEXT NOT NULL DEFAULT '[]',
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "EmuFaultSetting_pkey" PRIMARY KEY ("accountId")
);

-- CreateTable
CREATE TABLE "EmuEventSubscription" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "secretEnc" TEXT NOT NULL,
    "events" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EmuEventSubscription_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EmuEvent" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "eventName" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EmuEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EmuEventDelivery" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "eventName" TEXT NOT NULL,
    "subscriptionId" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "attemptLog" TEXT NOT NULL DEFAULT '[]',
    "nextAttemptAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "EmuEventDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "StaffUser_email_key" ON "StaffUser"("email");

-- CreateIndex
CREATE UNIQUE INDEX "Environment_name_key" ON "Environment"("name");

-- CreateIndex
CREATE INDEX "Flow_createdAt_idx" ON "Flow"("createdAt");

-- CreateIndex
CREATE INDEX "Flow_transactionId_idx" ON "Flow"("transactionId");

-- CreateIndex
CREATE INDEX "Flow_userId_idx" ON "Flow"("userId");

-- CreateIndex
CREATE INDEX "FlowEvent_flowId_at_idx" ON "FlowEvent"("flowId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "FlowEvent_flowId_kind_name_key" ON "FlowEvent"("flowId", "kind", "name");

-- CreateIndex
CREATE INDEX "ApiExchange_flowId_createdAt_idx" ON "ApiExchange"("flowId", "createdAt");

-- CreateIndex
CREATE INDEX "ApiExchange_createdAt_idx" ON "ApiExchange"("createdAt");

-- CreateIndex
CREATE INDEX "EndUser_lastName_firstName_idx" ON "EndUser"("lastName", "firstName");

-- CreateIndex
CREATE INDEX "EndUser_externalRef_idx" ON "EndUser"("externalRef");

-- CreateIndex
CREATE UNIQUE INDEX "EndUser_environmentId_userId_key" ON "EndUser"("environmentId", "userId");

-- CreateIndex
CREATE INDEX "AuditEntry_createdAt_idx" ON "AuditEntry"("createdAt");

-- CreateIndex
CREATE INDEX "EmuUser_accountId_externalRef_idx" ON "EmuUser"("accountId", "externalRef");

-- CreateIndex
CREATE INDEX "EmuDevice_accountId_userId_idx" ON "EmuDevice"("accountId", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "EmuRegistration_activationCode_key" ON "EmuRegistration"("activationCode");

-- CreateIndex
CREATE INDEX "EmuRegistration_accountId_userId_idx" ON "EmuRegistration"("accountId", "userId");

-- CreateIndex
CREATE INDEX "EmuAuthentication_accountId_deviceId_state_idx" ON "EmuAuthentication"("accountId", "deviceId", "state");

-- CreateIndex
CREATE INDEX "EmuReuseFlow_accountId_userId_idx" ON "EmuReuseFlow"("accountId", "userId");

-- CreateIndex
CREATE INDEX "EmuReuseFlow_processId_idx" ON "EmuReuseFlow"("processId");

-- CreateIndex
CREATE UNIQUE INDEX "EmuProofing_processId_key" ON "EmuProofing"("processId");

-- CreateIndex
CREATE INDEX "EmuProofing_accountId_userId_idx" ON "EmuProofing"("accountId", "userId");

-- CreateIndex
CREATE INDEX "EmuEventSubscription_accountId_idx" ON "EmuEventSubscription"("accountId");

-- CreateIndex
CREATE INDEX "EmuEvent_accountId_createdAt_idx" ON "EmuEvent"("accountId", "createdAt");

-- CreateIndex
CREATE INDEX "EmuEventDelivery_state_nextAttemptAt_idx" ON "EmuEventDelivery"("state", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "EmuEventDelivery_accountId_createdAt_idx" ON "EmuEventDelivery"("accountId", "createdAt");

-- AddForeignKey
ALTER TABLE "Flow" ADD CONSTRAINT "Flow_environmentId_fkey" FOREIGN KEY ("environmentId") REFERENCES "Environment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Flow" ADD CONSTRAINT "Flow_startedById_fkey" FOREIGN KEY ("startedById") REFERENCES "StaffUser"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FlowEvent" ADD CONSTRAINT "FlowEvent_flowId_fkey" FOREIGN KEY ("flowId") REFERENCES "Flow"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiExchange" ADD CONSTRAINT "ApiExchange_environmentId_fkey" FOREIGN KEY ("environmentId") REFERENCES "Environment"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiExchange" ADD CONSTRAINT "ApiExchange_flowId_fkey" FOREIGN KEY ("flowId") REFERENCES "Flow"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEntry" ADD CONSTRAINT "AuditEntry_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "StaffUser"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EmuClient" ADD CONSTRAINT "EmuClient_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "EmuAccount"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EmuProcess" ADD CONSTRAINT "EmuProcess_dossierId_fkey" FOREIGN KEY ("dossierId") REFERENCES "EmuDossier"("id") ON DELETE CASCADE ON UPDATE CASCADE;
