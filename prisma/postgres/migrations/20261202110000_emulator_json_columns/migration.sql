-- The emulator's JSON text columns become JSONB, converting the rows they hold (every value
-- was written by JSON.stringify). Event bodies stay TEXT: deliveries are signed over their bytes.

-- AlterTable
ALTER TABLE "EmuAuthentication" ALTER COLUMN "preOperationContext" SET DATA TYPE JSONB USING "preOperationContext"::jsonb,
ALTER COLUMN "postOperationContext" SET DATA TYPE JSONB USING "postOperationContext"::jsonb,
ALTER COLUMN "requestedAttributes" DROP DEFAULT,
ALTER COLUMN "requestedAttributes" SET DATA TYPE JSONB USING "requestedAttributes"::jsonb,
ALTER COLUMN "requestedAttributes" SET DEFAULT '[]',
ALTER COLUMN "userAttributes" SET DATA TYPE JSONB USING "userAttributes"::jsonb;

-- AlterTable
ALTER TABLE "EmuDevice" ALTER COLUMN "publicKey" SET DATA TYPE JSONB USING "publicKey"::jsonb;

-- AlterTable
ALTER TABLE "EmuEventDelivery" ALTER COLUMN "attemptLog" DROP DEFAULT,
ALTER COLUMN "attemptLog" SET DATA TYPE JSONB USING "attemptLog"::jsonb,
ALTER COLUMN "attemptLog" SET DEFAULT '[]';

-- AlterTable
ALTER TABLE "EmuEventSubscription" ALTER COLUMN "events" SET DATA TYPE JSONB USING "events"::jsonb;

-- AlterTable
ALTER TABLE "EmuFaultSetting" ALTER COLUMN "paths" DROP DEFAULT,
ALTER COLUMN "paths" SET DATA TYPE JSONB USING "paths"::jsonb,
ALTER COLUMN "paths" SET DEFAULT '[]';

-- AlterTable
ALTER TABLE "EmuProcess" ALTER COLUMN "depictions" DROP DEFAULT,
ALTER COLUMN "depictions" SET DATA TYPE JSONB USING "depictions"::jsonb,
ALTER COLUMN "depictions" SET DEFAULT '[]',
ALTER COLUMN "providerSpecific" DROP DEFAULT,
ALTER COLUMN "providerSpecific" SET DATA TYPE JSONB USING "providerSpecific"::jsonb,
ALTER COLUMN "providerSpecific" SET DEFAULT '{}',
ALTER COLUMN "failReason" SET DATA TYPE JSONB USING "failReason"::jsonb;

-- AlterTable
ALTER TABLE "EmuReuseFlow" ALTER COLUMN "docTypes" DROP DEFAULT,
ALTER COLUMN "docTypes" SET DATA TYPE JSONB USING "docTypes"::jsonb,
ALTER COLUMN "docTypes" SET DEFAULT '[]';

-- AlterTable
ALTER TABLE "EmuSigningKey" ALTER COLUMN "publicJwk" SET DATA TYPE JSONB USING "publicJwk"::jsonb;

-- AlterTable
ALTER TABLE "EmuUser" ALTER COLUMN "attributes" DROP DEFAULT,
ALTER COLUMN "attributes" SET DATA TYPE JSONB USING "attributes"::jsonb,
ALTER COLUMN "attributes" SET DEFAULT '{}';
