-- DropIndex
DROP INDEX "Environment_name_key";

-- AlterTable
ALTER TABLE "Environment" ADD COLUMN "deletedAt" DATETIME;

-- CreateIndex
CREATE INDEX "Environment_name_idx" ON "Environment"("name");
