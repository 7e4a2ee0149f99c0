-- AlterTable
ALTER TABLE "patterns" ADD COLUMN "degradingBaseline" TEXT;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_error_patterns" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "signatureKey" TEXT NOT NULL,
    "signature" TEXT NOT NULL,
    "fix" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "successes" INTEGER NOT NULL DEFAULT 0,
    "failStreak" INTEGER NOT NULL DEFAULT 0,
    "autoApply" BOOLEAN NOT NULL DEFAULT false,
    "patternId" TEXT,
    "lastSeenAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "error_patterns_patternId_fkey" FOREIGN KEY ("patternId") REFERENCES "patterns" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_error_patterns" ("attempts", "autoApply", "createdAt", "fix", "id", "lastSeenAt", "patternId", "signature", "signatureKey", "successes", "updatedAt") SELECT "attempts", "autoApply", "createdAt", "fix", "id", "lastSeenAt", "patternId", "signature", "signatureKey", "successes", "updatedAt" FROM "error_patterns";
DROP TABLE "error_patterns";
ALTER TABLE "new_error_patterns" RENAME TO "error_patterns";
CREATE INDEX "error_patterns_signatureKey_successes_idx" ON "error_patterns"("signatureKey", "successes");
CREATE UNIQUE INDEX "error_patterns_signatureKey_fix_key" ON "error_patterns"("signatureKey", "fix");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
