-- CreateTable
CREATE TABLE "FlowCount" (
    "day" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "environmentId" TEXT NOT NULL,
    "startedById" TEXT NOT NULL,
    "flows" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("day", "status", "type", "environmentId", "startedById")
);

-- The counts follow every write of a flow, whichever code makes it (triggers are not expressible
-- in schema.prisma). A row at zero stays; the History's sums leave it out.
CREATE TRIGGER "Flow_count_insert" AFTER INSERT ON "Flow"
BEGIN
    INSERT INTO "FlowCount" ("day", "status", "type", "environmentId", "startedById", "flows")
    VALUES (substr(NEW."createdAt", 1, 10), NEW."status", NEW."type", NEW."environmentId", NEW."startedById", 1)
    ON CONFLICT ("day", "status", "type", "environmentId", "startedById") DO UPDATE SET "flows" = "flows" + 1;
END;

CREATE TRIGGER "Flow_count_delete" AFTER DELETE ON "Flow"
BEGIN
    UPDATE "FlowCount" SET "flows" = "flows" - 1
     WHERE "day" = substr(OLD."createdAt", 1, 10) AND "status" = OLD."status" AND "type" = OLD."type" AND "environmentId" = OLD."environmentId" AND "startedById" = OLD."startedById";
END;

CREATE TRIGGER "Flow_count_update" AFTER UPDATE OF "status", "type", "environmentId", "startedById", "createdAt" ON "Flow"
WHEN substr(OLD."createdAt", 1, 10) IS NOT substr(NEW."createdAt", 1, 10) OR OLD."status" IS NOT NEW."status" OR OLD."type" IS NOT NEW."type" OR OLD."environmentId" IS NOT NEW."environmentId" OR OLD."startedById" IS NOT NEW."startedById"
BEGIN
    UPDATE "FlowCount" SET "flows" = "flows" - 1
     WHERE "day" = substr(OLD."createdAt", 1, 10) AND "status" = OLD."status" AND "type" = OLD."type" AND "environmentId" = OLD."environmentId" AND "startedById" = OLD."startedById";
    INSERT INTO "FlowCount" ("day", "status", "type", "environmentId", "startedById", "flows")
    VALUES (substr(NEW."createdAt", 1, 10), NEW."status", NEW."type", NEW."environmentId", NEW."startedById", 1)
    ON CONFLICT ("day", "status", "type", "environmentId", "startedById") DO UPDATE SET "flows" = "flows" + 1;
END;

-- The flows already recorded.
INSERT INTO "FlowCount" ("day", "status", "type", "environmentId", "startedById", "flows")
SELECT substr("createdAt", 1, 10), "status", "type", "environmentId", "startedById", COUNT(*) FROM "Flow"
 GROUP BY substr("createdAt", 1, 10), "status", "type", "environmentId", "startedById";

-- The overview's durations of completed flows come from this index alone (type and finishedAt in it).
-- DropIndex
DROP INDEX "Flow_status_createdAt_idx";

-- CreateIndex
CREATE INDEX "Flow_status_createdAt_type_finishedAt_idx" ON "Flow"("status", "createdAt", "type", "finishedAt");
