-- CreateTable
CREATE TABLE "kwaliteitsonderzoek" (
    "id" TEXT NOT NULL,
    "jaar" INTEGER NOT NULL,
    "seed" TEXT NOT NULL,
    "aantallen" JSONB NOT NULL,
    "aangemaakt_op" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "aangemaakt_door_id" TEXT NOT NULL,

    CONSTRAINT "kwaliteitsonderzoek_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "kwaliteitsonderzoek_deelnemer" (
    "id" TEXT NOT NULL,
    "onderzoek_id" TEXT NOT NULL,
    "berichtgever_id" TEXT NOT NULL,
    "grootteklasse" TEXT NOT NULL,
    "aantal_personen" INTEGER NOT NULL,
    "gesprek_op" DATE,
    "notities" TEXT,

    CONSTRAINT "kwaliteitsonderzoek_deelnemer_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "kwaliteitsonderzoek_deelnemer_onderzoek_id_berichtgever_id_key" ON "kwaliteitsonderzoek_deelnemer"("onderzoek_id", "berichtgever_id");

-- AddForeignKey
ALTER TABLE "kwaliteitsonderzoek" ADD CONSTRAINT "kwaliteitsonderzoek_aangemaakt_door_id_fkey" FOREIGN KEY ("aangemaakt_door_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "kwaliteitsonderzoek_deelnemer" ADD CONSTRAINT "kwaliteitsonderzoek_deelnemer_onderzoek_id_fkey" FOREIGN KEY ("onderzoek_id") REFERENCES "kwaliteitsonderzoek"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "kwaliteitsonderzoek_deelnemer" ADD CONSTRAINT "kwaliteitsonderzoek_deelnemer_berichtgever_id_fkey" FOREIGN KEY ("berichtgever_id") REFERENCES "berichtgever"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
