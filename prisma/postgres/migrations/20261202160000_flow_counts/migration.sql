-- CreateTable
CREATE TABLE "FlowCount" (
    "day" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "environmentId" TEXT NOT NULL,
    "startedById" TEXT NOT NULL,
    "flows" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "FlowCount_pkey" PRIMARY KEY ("day","status","type","environmentId","startedById")
);

-- The counts follow every write of a flow, whichever code makes it (triggers are not expressible
-- in schema.prisma). A row at zero stays; the History's sums leave it out.
CREATE FUNCTION "Flow_count"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        UPDATE "FlowCount" SET "flows" = "flows" - 1
         WHERE "day" = to_char(OLD."createdAt", 'YYYY-MM-DD') AND "status" = OLD."status" AND "type" = OLD."type" AND "environmentId" = OLD."environmentId" AND "startedById" = OLD."startedById";
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO "FlowCount" ("day", "status", "type", "environmentId", "startedById", "flows")
        VALUES (to_char(NEW."createdAt", 'YYYY-MM-DD'), NEW."status", NEW."type", NEW."environmentId", NEW."startedById", 1)
        ON CONFLICT ("day", "status", "type", "environmentId", "startedById") DO UPDATE SET "flows" = "FlowCount"."flows" + 1;
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER "Flow_count_insert_delete" AFTER INSERT OR DELETE ON "Flow"
FOR EACH ROW EXECUTE FUNCTION "Flow_count"();

CREATE TRIGGER "Flow_count_update" AFTER UPDATE OF "status", "type", "environmentId", "startedById", "createdAt" ON "Flow"
FOR EACH ROW
WHEN (to_char(OLD."createdAt", 'YYYY-MM-DD') IS DISTINCT FROM to_char(NEW."createdAt", 'YYYY-MM-DD') OR OLD."status" IS DISTINCT FROM NEW."status" OR OLD."type" IS DISTINCT FROM NEW."type"
      OR OLD."environmentId" IS DISTINCT FROM NEW."environmentId" OR OLD."startedById" IS DISTINCT FROM NEW."startedById")
EXECUTE FUNCTION "Flow_count"();

-- TRUNCATE skips row triggers: the counts go with the flows.
CREATE FUNCTION "Flow_count_truncate"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    TRUNCATE "FlowCount";
    RETURN NULL;
END;
$$;

CREATE TRIGGER "Flow_count_truncate" AFTER TRUNCATE ON "Flow"
FOR EACH STATEMENT EXECUTE FUNCTION "Flow_count_truncate"();

-- The flows already recorded.
INSERT INTO "FlowCount" ("day", "status", "type", "environmentId", "startedById", "flows")
SELECT to_char("createdAt", 'YYYY-MM-DD'), "status", "type", "environmentId", "startedById", COUNT(*) FROM "Flow"
 GROUP BY 1, 2, 3, 4, 5;

-- The overview's durations of completed flows come from this index alone (type and finishedAt in it).
-- DropIndex
DROP INDEX "Flow_status_createdAt_idx";

-- CreateIndex
CREATE INDEX "Flow_status_createdAt_type_finishedAt_idx" ON "Flow"("status", "createdAt", "type", "finishedAt");
