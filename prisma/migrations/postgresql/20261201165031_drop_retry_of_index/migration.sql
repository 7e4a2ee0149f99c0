-- DropIndex
DROP INDEX "executions_retryOf_idx";
