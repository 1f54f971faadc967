-- Flow.input and Flow.result become JSON columns; every stored value was written by
-- JSON.stringify, so each converts in place.
ALTER TABLE "Flow" ALTER COLUMN "input" TYPE JSONB USING "input"::jsonb,
ALTER COLUMN "result" TYPE JSONB USING "result"::jsonb;
