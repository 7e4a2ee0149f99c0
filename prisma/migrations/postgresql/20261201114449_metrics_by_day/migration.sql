-- CreateIndex
CREATE INDEX "pattern_metrics_daily_day_patternId_executions_successes_fa_idx" ON "pattern_metrics_daily"("day", "patternId", "executions", "successes", "failures", "totalDurationMs");
