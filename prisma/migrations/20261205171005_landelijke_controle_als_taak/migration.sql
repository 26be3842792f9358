-- CreateEnum
CREATE TYPE "LandelijkeControleStatus" AS ENUM ('WACHT', 'BEZIG', 'KLAAR', 'MISLUKT');

-- CreateTable
CREATE TABLE "landelijke_controle" (
    "id" TEXT NOT NULL,
    "jaar" INTEGER NOT NULL,
    "kwartaal" INTEGER NOT NULL,
    "status" "LandelijkeControleStatus" NOT NULL DEFAULT 'WACHT',
    "aangevraagd_door" TEXT NOT NULL,
    "aangevraagd_op" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "gestart_op" TIMESTAMPTZ(3),
    "klaar_op" TIMESTAMPTZ(3),
    "melding" TEXT,
    "samenvatting" JSONB,
    "uitkomst" TEXT,
    "verloopt_op" TIMESTAMPTZ(3),
    "verwijderd_op" TIMESTAMPTZ(3),

    CONSTRAINT "landelijke_controle_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "landelijke_controle_jaar_kwartaal_aangevraagd_op_idx" ON "landelijke_controle"("jaar", "kwartaal", "aangevraagd_op");
