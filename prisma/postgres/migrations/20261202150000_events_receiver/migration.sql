-- AlterTable
ALTER TABLE "Environment" ADD COLUMN     "eventsSecretEnc" TEXT,
ADD COLUMN     "eventsSubscriptionId" TEXT,
ADD COLUMN     "eventsWebhookUrl" TEXT;

-- CreateTable
CREATE TABLE "ReceivedEvent" (
    "id" TEXT NOT NULL,
    "environmentId" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "eventName" TEXT NOT NULL,
    "flowIds" JSONB NOT NULL DEFAULT '[]',
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReceivedEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ReceivedEvent_expiresAt_idx" ON "ReceivedEvent"("expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "ReceivedEvent_environmentId_eventId_key" ON "ReceivedEvent"("environmentId", "eventId");

-- AddForeignKey
ALTER TABLE "ReceivedEvent" ADD CONSTRAINT "ReceivedEvent_environmentId_fkey" FOREIGN KEY ("environmentId") REFERENCES "Environment"("id") ON DELETE CASCADE ON UPDATE CASCADE;
