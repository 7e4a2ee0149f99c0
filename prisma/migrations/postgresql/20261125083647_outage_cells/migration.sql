-- CreateTable
CREATE TABLE "outage_cells" (
    "id" TEXT NOT NULL,
    "source" TEXT,
    "bucketStart" TIMESTAMP(3) NOT NULL,
    "patternsActive" INTEGER NOT NULL,
    "patternsFailing" INTEGER NOT NULL,
    "tallies" TEXT NOT NULL,
    "detectedAt" TIMESTAMP(3) NOT NULL,
    "runId" TEXT NOT NULL,

    CONSTRAINT "outage_cells_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "outage_cells_bucketStart_idx" ON "outage_cells"("bucketStart");
