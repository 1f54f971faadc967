-- DropIndex
DROP INDEX "Environment_name_key";

-- AlterTable
ALTER TABLE "Environment" ADD COLUMN     "deletedAt" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "Environment_name_idx" ON "Environment"("name");
