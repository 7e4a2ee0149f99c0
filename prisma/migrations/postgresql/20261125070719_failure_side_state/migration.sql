-- AlterTable
ALTER TABLE "error_patterns" ADD COLUMN     "failStreak" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "patterns" ADD COLUMN     "degradingBaseline" TEXT;
