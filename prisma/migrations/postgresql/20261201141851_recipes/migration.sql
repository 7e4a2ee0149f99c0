-- AlterTable
ALTER TABLE "error_patterns" ADD COLUMN     "approvedAt" TIMESTAMP(3),
ADD COLUMN     "approvedBy" TEXT,
ADD COLUMN     "approvedCommand" TEXT,
ADD COLUMN     "fixCommand" TEXT;

-- AlterTable
ALTER TABLE "executions" ADD COLUMN     "fixCommand" TEXT;
