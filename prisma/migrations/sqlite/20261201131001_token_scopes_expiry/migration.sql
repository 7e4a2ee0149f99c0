PRAGMA legacy_alter_table=ON;
-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_api_tokens" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdBy" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" DATETIME,
    "revokedAt" DATETIME,
    "lastFour" TEXT NOT NULL DEFAULT '',
    "scopes" TEXT NOT NULL DEFAULT 'ingest,read',
    "expiresAt" DATETIME
);
INSERT INTO "new_api_tokens" ("createdAt", "createdBy", "id", "lastUsedAt", "name", "prefix", "revokedAt", "tokenHash") SELECT "createdAt", "createdBy", "id", "lastUsedAt", "name", "prefix", "revokedAt", "tokenHash" FROM "api_tokens";
DROP TABLE "api_tokens";
ALTER TABLE "new_api_tokens" RENAME TO "api_tokens";
CREATE UNIQUE INDEX "api_tokens_name_key" ON "api_tokens"("name");
CREATE UNIQUE INDEX "api_tokens_tokenHash_key" ON "api_tokens"("tokenHash");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
PRAGMA legacy_alter_table=OFF;

-- Written by hand: tokens made before this kept the first 10 characters of their secret as their "prefix", in
-- the table and in the token.create audit events. Keep only the public "pa_". Existing tokens keep working
-- with the scopes they had in effect (ingest and read, the column default) and no expiry.
-- (No semicolon in these comments: the PostgreSQL adapter splits the script on every one.)
UPDATE "api_tokens" SET "prefix" = 'pa_';
UPDATE "audit_events" SET "details" = json_set("details", '$.after.prefix', 'pa_')
WHERE "action" = 'token.create' AND json_valid("details") AND json_extract("details", '$.after.prefix') IS NOT NULL;
