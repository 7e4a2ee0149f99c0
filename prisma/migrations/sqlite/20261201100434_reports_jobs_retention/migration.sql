-- AlterTable
ALTER TABLE "patterns" ADD COLUMN "archivedAt" DATETIME;
ALTER TABLE "patterns" ADD COLUMN "baselineDurationMs" REAL;
ALTER TABLE "patterns" ADD COLUMN "baselineSource" TEXT;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_job_runs" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "jobId" TEXT NOT NULL,
    "trigger" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "message" TEXT,
    "details" TEXT NOT NULL DEFAULT '{}',
    "progress" TEXT,
    "error" TEXT,
    "holder" TEXT,
    "scheduledFor" DATETIME,
    "startedAt" DATETIME NOT NULL,
    "finishedAt" DATETIME
);
INSERT INTO "new_job_runs" ("finishedAt", "id", "jobId", "message", "startedAt", "status", "trigger") SELECT "finishedAt", "id", "jobId", "message", "startedAt", "status", "trigger" FROM "job_runs";
DROP TABLE "job_runs";
ALTER TABLE "new_job_runs" RENAME TO "job_runs";
CREATE INDEX "job_runs_jobId_startedAt_idx" ON "job_runs"("jobId", "startedAt");
CREATE INDEX "job_runs_status_idx" ON "job_runs"("status");
CREATE TABLE "new_weekly_reports" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "week" TEXT NOT NULL,
    "source" TEXT NOT NULL DEFAULT '',
    "markdown" TEXT NOT NULL,
    "data" TEXT NOT NULL,
    "generatedAt" DATETIME NOT NULL,
    "generatedBy" TEXT NOT NULL DEFAULT 'system'
);
INSERT INTO "new_weekly_reports" ("data", "generatedAt", "id", "markdown", "week") SELECT "data", "generatedAt", "id", "markdown", "week" FROM "weekly_reports";
DROP TABLE "weekly_reports";
ALTER TABLE "new_weekly_reports" RENAME TO "weekly_reports";
CREATE INDEX "weekly_reports_source_week_idx" ON "weekly_reports"("source", "week");
CREATE UNIQUE INDEX "weekly_reports_week_source_key" ON "weekly_reports"("week", "source");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
