-- CreateTable
CREATE TABLE "outage_cells" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "source" TEXT,
    "bucketStart" DATETIME NOT NULL,
    "patternsActive" INTEGER NOT NULL,
    "patternsFailing" INTEGER NOT NULL,
    "tallies" TEXT NOT NULL,
    "detectedAt" DATETIME NOT NULL,
    "runId" TEXT NOT NULL
);

-- CreateIndex
CREATE INDEX "outage_cells_bucketStart_idx" ON "outage_cells"("bucketStart");
