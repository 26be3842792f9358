-- CreateEnum
CREATE TYPE "HerinneringSoort" AS ENUM ('AUTOMATISCH', 'HANDMATIG');

-- CreateTable
CREATE TABLE "herinnering" (
    "id" TEXT NOT NULL,
    "jaar" INTEGER NOT NULL,
    "kwartaal" INTEGER NOT NULL,
    "soort" "HerinneringSoort" NOT NULL,
    "verstuurd_op" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "verstuurd_door_id" TEXT,
    "ontvangers" JSONB NOT NULL,
    "aantal_mails" INTEGER NOT NULL,

    CONSTRAINT "herinnering_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "campagne" (
    "id" TEXT NOT NULL,
    "titel" TEXT NOT NULL,
    "toelichting" TEXT NOT NULL,
    "regels" TEXT[],
    "verstuurd_op" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "aangemaakt_door_id" TEXT NOT NULL,

    CONSTRAINT "campagne_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "campagne_ontvanger" (
    "id" TEXT NOT NULL,
    "campagne_id" TEXT NOT NULL,
    "berichtgever_id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "aantal_signalen" INTEGER NOT NULL,
    "per_regel" JSONB NOT NULL,
    "levering_ids" TEXT[],

    CONSTRAINT "campagne_ontvanger_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "herinnering_jaar_kwartaal_idx" ON "herinnering"("jaar", "kwartaal");

-- CreateIndex
CREATE UNIQUE INDEX "herinnering_automatisch_key" ON "herinnering"("jaar", "kwartaal") WHERE (soort = 'AUTOMATISCH');

-- CreateIndex
CREATE INDEX "campagne_verstuurd_op_idx" ON "campagne"("verstuurd_op");

-- CreateIndex
CREATE INDEX "campagne_ontvanger_berichtgever_id_idx" ON "campagne_ontvanger"("berichtgever_id");

-- CreateIndex
CREATE UNIQUE INDEX "campagne_ontvanger_campagne_id_berichtgever_id_key" ON "campagne_ontvanger"("campagne_id", "berichtgever_id");

-- AddForeignKey
ALTER TABLE "herinnering" ADD CONSTRAINT "herinnering_verstuurd_door_id_fkey" FOREIGN KEY ("verstuurd_door_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "campagne" ADD CONSTRAINT "campagne_aangemaakt_door_id_fkey" FOREIGN KEY ("aangemaakt_door_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "campagne_ontvanger" ADD CONSTRAINT "campagne_ontvanger_campagne_id_fkey" FOREIGN KEY ("campagne_id") REFERENCES "campagne"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "campagne_ontvanger" ADD CONSTRAINT "campagne_ontvanger_berichtgever_id_fkey" FOREIGN KEY ("berichtgever_id") REFERENCES "berichtgever"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- ---------------------------------------------------------------------------------------------
-- Hand-written: rules schema.prisma cannot express (see the note at the end of the init migration).
ALTER TABLE "herinnering" ADD CONSTRAINT "herinnering_kwartaal_check" CHECK ("kwartaal" BETWEEN 1 AND 4);
ALTER TABLE "herinnering" ADD CONSTRAINT "herinnering_aantal_mails_check" CHECK ("aantal_mails" >= 0);
-- A manual round is always someone's; the automatic one never is.
ALTER TABLE "herinnering" ADD CONSTRAINT "herinnering_verstuurd_door_check" CHECK (("soort" = 'HANDMATIG') = ("verstuurd_door_id" IS NOT NULL));
ALTER TABLE "campagne_ontvanger" ADD CONSTRAINT "campagne_ontvanger_aantal_signalen_check" CHECK ("aantal_signalen" >= 0);
