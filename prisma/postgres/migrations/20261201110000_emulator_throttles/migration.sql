-- CreateTable
CREATE TABLE "EmuHashKey" (
    "id" TEXT NOT NULL,
    "keyEnc" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EmuHashKey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EmuRateCounter" (
    "key" TEXT NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "EmuRateCounter_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "EmuSeenDeviceRequest" (
    "id" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "EmuSeenDeviceRequest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "EmuRateCounter_expiresAt_idx" ON "EmuRateCounter"("expiresAt");

-- CreateIndex
CREATE INDEX "EmuSeenDeviceRequest_expiresAt_idx" ON "EmuSeenDeviceRequest"("expiresAt");
