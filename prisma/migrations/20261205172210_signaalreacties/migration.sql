-- CreateEnum
CREATE TYPE "SignaalReactie" AS ENUM ('KLOPT', 'WORDT_HERSTELD', 'VRAAG');

-- CreateTable
CREATE TABLE "levering_signaal" (
    "id" TEXT NOT NULL,
    "levering_id" TEXT NOT NULL,
    "berichtgever_id" TEXT NOT NULL,
    "volgnummer" INTEGER NOT NULL,
    "regel" TEXT NOT NULL,
    "ernst" TEXT NOT NULL,
    "sleutel" TEXT NOT NULL,
    "inhoud" TEXT,
    "vorig_kwartaal" BOOLEAN NOT NULL DEFAULT false,
    "vorige_reactie" "SignaalReactie",
    "reactie" "SignaalReactie",
    "toelichting" TEXT,
    "reactie_door" TEXT,
    "reactie_op" TIMESTAMPTZ(3),
    "antwoord" TEXT,
    "antwoord_door" TEXT,
    "antwoord_op" TIMESTAMPTZ(3),
    "gesloten_op" TIMESTAMPTZ(3),

    CONSTRAINT "levering_signaal_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "levering_signaal_berichtgever_id_sleutel_idx" ON "levering_signaal"("berichtgever_id", "sleutel");

-- CreateIndex
CREATE INDEX "levering_signaal_reactie_gesloten_op_idx" ON "levering_signaal"("reactie", "gesloten_op");

-- CreateIndex
CREATE UNIQUE INDEX "levering_signaal_levering_id_volgnummer_key" ON "levering_signaal"("levering_id", "volgnummer");

-- AddForeignKey
ALTER TABLE "levering_signaal" ADD CONSTRAINT "levering_signaal_levering_id_fkey" FOREIGN KEY ("levering_id") REFERENCES "levering"("id") ON DELETE CASCADE ON UPDATE CASCADE;
