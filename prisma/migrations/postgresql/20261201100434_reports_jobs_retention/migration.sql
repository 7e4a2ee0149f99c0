-- DropIndex
DROP INDEX "weekly_reports_week_key";

-- AlterTable
ALTER TABLE "job_runs" ADD COLUMN     "details" TEXT NOT NULL DEFAULT '{}',
ADD COLUMN     "error" TEXT,
ADD COLUMN     "holder" TEXT,
ADD COLUMN     "progress" TEXT,
ADD COLUMN     "scheduledFor" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "patterns" ADD COLUMN     "archivedAt" TIMESTAMP(3),
ADD COLUMN     "baselineDurationMs" DOUBLE PRECISION,
ADD COLUMN     "baselineSource" TEXT;

-- AlterTable
ALTER TABLE "weekly_reports" ADD COLUMN     "generatedBy" TEXT NOT NULL DEFAULT 'system',
ADD COLUMN     "source" TEXT NOT NULL DEFAULT '';

-- CreateIndex
CREATE INDEX "job_runs_status_idx" ON "job_runs"("status");

-- CreateIndex
CREATE INDEX "weekly_reports_source_week_idx" ON "weekly_reports"("source", "week");

-- CreateIndex
CREATE UNIQUE INDEX "weekly_reports_week_source_key" ON "weekly_reports"("week", "source");
