-- AlterTable
ALTER TABLE "error_patterns" ADD COLUMN "approvedAt" DATETIME;
ALTER TABLE "error_patterns" ADD COLUMN "approvedBy" TEXT;
ALTER TABLE "error_patterns" ADD COLUMN "approvedCommand" TEXT;
ALTER TABLE "error_patterns" ADD COLUMN "fixCommand" TEXT;

-- AlterTable
ALTER TABLE "executions" ADD COLUMN "fixCommand" TEXT;
