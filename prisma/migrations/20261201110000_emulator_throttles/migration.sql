-- CreateTable
CREATE TABLE "EmuHashKey" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "keyEnc" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "EmuRateCounter" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "count" INTEGER NOT NULL DEFAULT 0,
    "expiresAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "EmuSeenDeviceRequest" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "expiresAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "EmuRateCounter_expiresAt_idx" ON "EmuRateCounter"("expiresAt");

-- CreateIndex
CREATE INDEX "EmuSeenDeviceRequest_expiresAt_idx" ON "EmuSeenDeviceRequest"("expiresAt");
