-- AlterTable
ALTER TABLE "api_tokens" ADD COLUMN     "expiresAt" TIMESTAMP(3),
ADD COLUMN     "lastFour" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "scopes" TEXT NOT NULL DEFAULT 'ingest,read';

-- Written by hand: tokens made before this kept the first 10 characters of their secret as their "prefix", in
-- the table and in the token.create audit events. Keep only the public "pa_". Existing tokens keep working
-- with the scopes they had in effect (ingest and read, the column default) and no expiry.
-- (No semicolon in these comments: the PostgreSQL adapter splits the script on every one.)
UPDATE "api_tokens" SET "prefix" = 'pa_';
UPDATE "audit_events" SET "details" = jsonb_set("details"::jsonb, '{after,prefix}', '"pa_"')::text
WHERE "action" = 'token.create' AND "details"::jsonb #> '{after,prefix}' IS NOT NULL;
