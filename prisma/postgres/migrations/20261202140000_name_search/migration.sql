-- History's text search without a scan: trigram GIN indexes on the fields it searches, so an
-- ILIKE '%fragment%' of three characters or more is answered through them (lib/data/queries/flows.ts).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateIndex
CREATE INDEX "Flow_externalRef_trgm_idx" ON "Flow" USING GIN ("externalRef" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Flow_userId_trgm_idx" ON "Flow" USING GIN ("userId" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Flow_transactionId_trgm_idx" ON "Flow" USING GIN ("transactionId" gin_trgm_ops);
