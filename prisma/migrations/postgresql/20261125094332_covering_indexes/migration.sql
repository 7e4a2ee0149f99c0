-- DropIndex
DROP INDEX "executions_patternId_startedAt_idx";

-- DropIndex
DROP INDEX "pattern_metrics_daily_patternId_day_idx";

-- CreateIndex
CREATE INDEX "executions_patternId_startedAt_seq_success_source_idx" ON "executions"("patternId", "startedAt", "seq", "success", "source");

-- CreateIndex
CREATE INDEX "pattern_metrics_daily_patternId_day_executions_successes_idx" ON "pattern_metrics_daily"("patternId", "day", "executions", "successes");
