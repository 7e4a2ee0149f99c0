-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "executions" (
    "seq" SERIAL NOT NULL,
    "id" TEXT NOT NULL,
    "patternId" TEXT,
    "operation" TEXT NOT NULL,
    "inputs" TEXT,
    "fileCount" INTEGER NOT NULL DEFAULT 0,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "durationMs" INTEGER NOT NULL,
    "success" BOOLEAN NOT NULL,
    "errorType" TEXT,
    "errorMessage" TEXT,
    "errorSignature" TEXT,
    "errorKey" TEXT,
    "retryOf" TEXT,
    "fix" TEXT,
    "source" TEXT,
    "receivedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "executions_pkey" PRIMARY KEY ("seq")
);

-- CreateTable
CREATE TABLE "file_events" (
    "seq" SERIAL NOT NULL,
    "executionId" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "action" TEXT NOT NULL DEFAULT 'created',
    "content" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "file_events_pkey" PRIMARY KEY ("seq")
);

-- CreateTable
CREATE TABLE "patterns" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'execution',
    "status" TEXT NOT NULL DEFAULT 'active',
    "origin" TEXT NOT NULL DEFAULT 'telemetry',
    "description" TEXT,
    "spec" TEXT NOT NULL DEFAULT '',
    "autoApply" BOOLEAN NOT NULL DEFAULT false,
    "degrading" BOOLEAN NOT NULL DEFAULT false,
    "degradingSince" TIMESTAMP(3),
    "quarantinedAt" TIMESTAMP(3),
    "quarantineReason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "patterns_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "pattern_metrics_daily" (
    "day" TEXT NOT NULL,
    "patternId" TEXT NOT NULL,
    "operation" TEXT NOT NULL,
    "executions" INTEGER NOT NULL DEFAULT 0,
    "successes" INTEGER NOT NULL DEFAULT 0,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "totalDurationMs" DOUBLE PRECISION NOT NULL DEFAULT 0,

    CONSTRAINT "pattern_metrics_daily_pkey" PRIMARY KEY ("day","patternId","operation")
);

-- CreateTable
CREATE TABLE "pattern_candidates" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "groupKey" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "confidence" DOUBLE PRECISION NOT NULL,
    "confidenceParts" TEXT NOT NULL DEFAULT '{}',
    "status" TEXT NOT NULL DEFAULT 'pending',
    "evidence" TEXT NOT NULL DEFAULT '[]',
    "evidenceCount" INTEGER NOT NULL DEFAULT 0,
    "proposedSpec" TEXT,
    "template" TEXT,
    "patternId" TEXT,
    "decidedBy" TEXT,
    "decidedAt" TIMESTAMP(3),
    "decisionReason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "pattern_candidates_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "anti_patterns" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "patternId" TEXT,
    "signature" TEXT,
    "signatureKey" TEXT,
    "status" TEXT NOT NULL DEFAULT 'monitoring',
    "classification" TEXT,
    "failureRate" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "occurrences" INTEGER NOT NULL DEFAULT 0,
    "evidence" TEXT NOT NULL DEFAULT '{}',
    "countFrom" TIMESTAMP(3),
    "firstSeenAt" TIMESTAMP(3) NOT NULL,
    "lastSeenAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "anti_patterns_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "error_patterns" (
    "id" TEXT NOT NULL,
    "signatureKey" TEXT NOT NULL,
    "signature" TEXT NOT NULL,
    "fix" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "successes" INTEGER NOT NULL DEFAULT 0,
    "autoApply" BOOLEAN NOT NULL DEFAULT false,
    "patternId" TEXT,
    "lastSeenAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "error_patterns_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "weekly_reports" (
    "id" TEXT NOT NULL,
    "week" TEXT NOT NULL,
    "markdown" TEXT NOT NULL,
    "data" TEXT NOT NULL,
    "generatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "weekly_reports_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "analysis_runs" (
    "id" TEXT NOT NULL,
    "trigger" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "fromSeq" INTEGER NOT NULL DEFAULT 0,
    "toSeq" INTEGER NOT NULL DEFAULT 0,
    "counts" TEXT NOT NULL DEFAULT '{}',
    "error" TEXT,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "analysis_runs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "leases" (
    "name" TEXT NOT NULL,
    "holder" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "leases_pkey" PRIMARY KEY ("name")
);

-- CreateTable
CREATE TABLE "cursors" (
    "name" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "cursors_pkey" PRIMARY KEY ("name")
);

-- CreateTable
CREATE TABLE "job_runs" (
    "id" TEXT NOT NULL,
    "jobId" TEXT NOT NULL,
    "trigger" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "message" TEXT,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "job_runs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "settings" (
    "key" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "updatedBy" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "settings_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "audit_events" (
    "id" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "actor" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "targetType" TEXT NOT NULL,
    "targetId" TEXT NOT NULL,
    "reason" TEXT,
    "details" TEXT NOT NULL DEFAULT '{}',

    CONSTRAINT "audit_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "users" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT,
    "role" TEXT NOT NULL DEFAULT 'viewer',
    "passwordHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sessions" (
    "id" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sessions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "api_tokens" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdBy" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "api_tokens_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "executions_id_key" ON "executions"("id");

-- CreateIndex
CREATE INDEX "executions_patternId_startedAt_idx" ON "executions"("patternId", "startedAt");

-- CreateIndex
CREATE INDEX "executions_operation_startedAt_idx" ON "executions"("operation", "startedAt");

-- CreateIndex
CREATE INDEX "executions_startedAt_idx" ON "executions"("startedAt");

-- CreateIndex
CREATE INDEX "executions_errorKey_startedAt_idx" ON "executions"("errorKey", "startedAt");

-- CreateIndex
CREATE INDEX "executions_retryOf_idx" ON "executions"("retryOf");

-- CreateIndex
CREATE INDEX "executions_source_startedAt_idx" ON "executions"("source", "startedAt");

-- CreateIndex
CREATE INDEX "file_events_executionId_idx" ON "file_events"("executionId");

-- CreateIndex
CREATE INDEX "file_events_createdAt_idx" ON "file_events"("createdAt");

-- CreateIndex
CREATE INDEX "file_events_path_idx" ON "file_events"("path");

-- CreateIndex
CREATE INDEX "patterns_status_kind_idx" ON "patterns"("status", "kind");

-- CreateIndex
CREATE INDEX "patterns_kind_idx" ON "patterns"("kind");

-- CreateIndex
CREATE INDEX "pattern_metrics_daily_patternId_day_idx" ON "pattern_metrics_daily"("patternId", "day");

-- CreateIndex
CREATE INDEX "pattern_candidates_status_confidence_idx" ON "pattern_candidates"("status", "confidence");

-- CreateIndex
CREATE UNIQUE INDEX "pattern_candidates_kind_groupKey_key" ON "pattern_candidates"("kind", "groupKey");

-- CreateIndex
CREATE UNIQUE INDEX "anti_patterns_key_key" ON "anti_patterns"("key");

-- CreateIndex
CREATE INDEX "anti_patterns_status_idx" ON "anti_patterns"("status");

-- CreateIndex
CREATE INDEX "anti_patterns_patternId_idx" ON "anti_patterns"("patternId");

-- CreateIndex
CREATE INDEX "anti_patterns_signatureKey_idx" ON "anti_patterns"("signatureKey");

-- CreateIndex
CREATE INDEX "error_patterns_signatureKey_successes_idx" ON "error_patterns"("signatureKey", "successes");

-- CreateIndex
CREATE UNIQUE INDEX "error_patterns_signatureKey_fix_key" ON "error_patterns"("signatureKey", "fix");

-- CreateIndex
CREATE UNIQUE INDEX "weekly_reports_week_key" ON "weekly_reports"("week");

-- CreateIndex
CREATE INDEX "analysis_runs_startedAt_idx" ON "analysis_runs"("startedAt");

-- CreateIndex
CREATE INDEX "job_runs_jobId_startedAt_idx" ON "job_runs"("jobId", "startedAt");

-- CreateIndex
CREATE INDEX "audit_events_at_idx" ON "audit_events"("at");

-- CreateIndex
CREATE INDEX "audit_events_targetType_targetId_at_idx" ON "audit_events"("targetType", "targetId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");

-- CreateIndex
CREATE UNIQUE INDEX "sessions_tokenHash_key" ON "sessions"("tokenHash");

-- CreateIndex
CREATE INDEX "sessions_userId_idx" ON "sessions"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "api_tokens_name_key" ON "api_tokens"("name");

-- CreateIndex
CREATE UNIQUE INDEX "api_tokens_tokenHash_key" ON "api_tokens"("tokenHash");

-- AddForeignKey
ALTER TABLE "executions" ADD CONSTRAINT "executions_patternId_fkey" FOREIGN KEY ("patternId") REFERENCES "patterns"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "file_events" ADD CONSTRAINT "file_events_executionId_fkey" FOREIGN KEY ("executionId") REFERENCES "executions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pattern_candidates" ADD CONSTRAINT "pattern_candidates_patternId_fkey" FOREIGN KEY ("patternId") REFERENCES "patterns"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "anti_patterns" ADD CONSTRAINT "anti_patterns_patternId_fkey" FOREIGN KEY ("patternId") REFERENCES "patterns"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "error_patterns" ADD CONSTRAINT "error_patterns_patternId_fkey" FOREIGN KEY ("patternId") REFERENCES "patterns"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
