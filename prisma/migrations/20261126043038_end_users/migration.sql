-- CreateTable
CREATE TABLE "EndUser" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "environmentId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "externalRef" TEXT,
    "firstName" TEXT,
    "lastName" TEXT,
    "lastSeenAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE INDEX "EndUser_lastName_firstName_idx" ON "EndUser"("lastName", "firstName");

-- CreateIndex
CREATE INDEX "EndUser_externalRef_idx" ON "EndUser"("externalRef");

-- CreateIndex
CREATE UNIQUE INDEX "EndUser_environmentId_userId_key" ON "EndUser"("environmentId", "userId");
