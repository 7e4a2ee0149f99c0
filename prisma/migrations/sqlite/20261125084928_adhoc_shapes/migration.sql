-- CreateTable
CREATE TABLE "adhoc_shapes" (
    "seq" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "family" TEXT NOT NULL,
    "keySet" TEXT NOT NULL,
    "startedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "adhoc_shapes_family_startedAt_idx" ON "adhoc_shapes"("family", "startedAt");

-- CreateIndex
CREATE INDEX "adhoc_shapes_startedAt_idx" ON "adhoc_shapes"("startedAt");
