-- CreateTable
CREATE TABLE "bericht" (
    "id" TEXT NOT NULL,
    "berichtgever_id" TEXT NOT NULL,
    "levering_id" TEXT,
    "afzender_user_id" TEXT NOT NULL,
    "afzender_naam" TEXT NOT NULL,
    "van_cbs" BOOLEAN NOT NULL,
    "tekst" TEXT NOT NULL,
    "verstuurd_op" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "bericht_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "bericht_berichtgever_id_levering_id_verstuurd_op_idx" ON "bericht"("berichtgever_id", "levering_id", "verstuurd_op");

-- CreateIndex
CREATE INDEX "bericht_verstuurd_op_idx" ON "bericht"("verstuurd_op");
