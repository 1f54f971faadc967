-- History's text search without a scan: a trigram FTS5 index over the fields it searches
-- (externalRef, userId, transactionId), so a fragment of three characters or more anywhere in
-- them, in any case, is found through the index (lib/data/queries/flows.ts, searchFlowIds).
-- Rows are keyed by the Flow's rowid and kept in step by triggers. A later migration that
-- redefines "Flow" (Prisma's copy-and-rename) drops these triggers and renumbers rowids: it
-- must end by re-running this file's statements after the DROP.
CREATE VIRTUAL TABLE "FlowSearch" USING fts5("externalRef", "userId", "transactionId", tokenize = 'trigram');

INSERT INTO "FlowSearch" (rowid, "externalRef", "userId", "transactionId")
SELECT rowid, "externalRef", "userId", "transactionId" FROM "Flow";

CREATE TRIGGER "Flow_search_insert" AFTER INSERT ON "Flow" BEGIN
  INSERT INTO "FlowSearch" (rowid, "externalRef", "userId", "transactionId") VALUES (new.rowid, new."externalRef", new."userId", new."transactionId");
END;

CREATE TRIGGER "Flow_search_update" AFTER UPDATE OF "externalRef", "userId", "transactionId" ON "Flow" BEGIN
  UPDATE "FlowSearch" SET "externalRef" = new."externalRef", "userId" = new."userId", "transactionId" = new."transactionId" WHERE rowid = old.rowid;
END;

CREATE TRIGGER "Flow_search_delete" AFTER DELETE ON "Flow" BEGIN
  DELETE FROM "FlowSearch" WHERE rowid = old.rowid;
END;
