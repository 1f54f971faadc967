-- AlterTable
ALTER TABLE "Environment" ADD COLUMN "eventsSecretEnc" TEXT;
ALTER TABLE "Environment" ADD COLUMN "eventsSubscriptionId" TEXT;
ALTER TABLE "Environment" ADD COLUMN "eventsWebhookUrl" TEXT;

-- CreateTable
CREATE TABLE "ReceivedEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "environmentId" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "eventName" TEXT NOT NULL,
    "flowIds" JSONB NOT NULL DEFAULT '[]',
    "receivedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME NOT NULL,
    CONSTRAINT "ReceivedEvent_environmentId_fkey" FOREIGN KEY ("environmentId") REFERENCES "Environment" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "ReceivedEvent_expiresAt_idx" ON "ReceivedEvent"("expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "ReceivedEvent_environmentId_eventId_key" ON "ReceivedEvent"("environmentId", "eventId");
