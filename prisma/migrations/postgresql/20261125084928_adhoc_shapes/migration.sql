-- CreateTable
CREATE TABLE "adhoc_shapes" (
    "seq" INTEGER NOT NULL,
    "family" TEXT NOT NULL,
    "keySet" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "adhoc_shapes_pkey" PRIMARY KEY ("seq")
);

-- CreateIndex
CREATE INDEX "adhoc_shapes_family_startedAt_idx" ON "adhoc_shapes"("family", "startedAt");

-- CreateIndex
CREATE INDEX "adhoc_shapes_startedAt_idx" ON "adhoc_shapes"("startedAt");
