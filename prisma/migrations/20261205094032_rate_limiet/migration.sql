-- CreateTable
CREATE TABLE "rate_limiet" (
    "key" VARCHAR(255) NOT NULL,
    "points" INTEGER NOT NULL DEFAULT 0,
    "expire" BIGINT,

    CONSTRAINT "rate_limiet_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "rate_limiet_expire_idx" ON "rate_limiet"("expire");
