-- AlterTable
ALTER TABLE "levering" ADD COLUMN     "aanlevering_id" TEXT,
ADD COLUMN     "bestand_signalen" JSONB,
ADD COLUMN     "controle_gestart_op" TIMESTAMPTZ(3),
ADD COLUMN     "spiegelrapport" JSONB,
ADD COLUMN     "verwerkingsfout" TEXT,
ADD COLUMN     "verwerkt_op" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "mail_bericht" ADD COLUMN     "parameters" JSONB;

-- CreateTable
CREATE TABLE "aanlevering" (
    "id" TEXT NOT NULL,
    "berichtgever_id" TEXT NOT NULL,
    "bestandsnaam" TEXT NOT NULL,
    "grootte" BIGINT NOT NULL,
    "sha256" TEXT NOT NULL,
    "ontvangen_op" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "bron" "LeveringBron" NOT NULL,
    "uploaded_by_id" TEXT,
    "api_token_id" TEXT,
    "opslag_sleutel" TEXT,
    "bestand_verwijderd_op" TIMESTAMPTZ(3),
    "verwerkt_op" TIMESTAMPTZ(3),

    CONSTRAINT "aanlevering_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "levering_fout" (
    "id" BIGSERIAL NOT NULL,
    "levering_id" TEXT NOT NULL,
    "volgnummer" INTEGER NOT NULL,
    "regelnummer" INTEGER,
    "kenmerk" INTEGER,
    "regel" TEXT NOT NULL,
    "bericht" TEXT NOT NULL,

    CONSTRAINT "levering_fout_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "signaleringslijst" (
    "id" TEXT NOT NULL,
    "levering_id" TEXT NOT NULL,
    "aangemaakt_op" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "verloopt_op" TIMESTAMPTZ(3) NOT NULL,
    "csv_sleutel" TEXT NOT NULL,
    "xlsx_sleutel" TEXT NOT NULL,
    "aantal_signalen" INTEGER NOT NULL,
    "verwijderd_op" TIMESTAMPTZ(3),

    CONSTRAINT "signaleringslijst_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "upload_sessie" (
    "id" TEXT NOT NULL,
    "berichtgever_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "bestandsnaam" TEXT NOT NULL,
    "grootte" BIGINT NOT NULL,
    "delen" INTEGER NOT NULL,
    "aangemaakt_op" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "upload_sessie_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "aanlevering_berichtgever_id_ontvangen_op_idx" ON "aanlevering"("berichtgever_id", "ontvangen_op");

-- CreateIndex
CREATE UNIQUE INDEX "aanlevering_berichtgever_id_sha256_key" ON "aanlevering"("berichtgever_id", "sha256");

-- CreateIndex
CREATE UNIQUE INDEX "levering_fout_levering_id_volgnummer_key" ON "levering_fout"("levering_id", "volgnummer");

-- CreateIndex
CREATE UNIQUE INDEX "signaleringslijst_levering_id_key" ON "signaleringslijst"("levering_id");

-- CreateIndex
CREATE INDEX "signaleringslijst_verloopt_op_idx" ON "signaleringslijst"("verloopt_op");

-- CreateIndex
CREATE INDEX "upload_sessie_aangemaakt_op_idx" ON "upload_sessie"("aangemaakt_op");

-- CreateIndex
CREATE INDEX "levering_aanlevering_id_idx" ON "levering"("aanlevering_id");

-- AddForeignKey
ALTER TABLE "levering" ADD CONSTRAINT "levering_aanlevering_id_fkey" FOREIGN KEY ("aanlevering_id") REFERENCES "aanlevering"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "aanlevering" ADD CONSTRAINT "aanlevering_berichtgever_id_fkey" FOREIGN KEY ("berichtgever_id") REFERENCES "berichtgever"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "levering_fout" ADD CONSTRAINT "levering_fout_levering_id_fkey" FOREIGN KEY ("levering_id") REFERENCES "levering"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "signaleringslijst" ADD CONSTRAINT "signaleringslijst_levering_id_fkey" FOREIGN KEY ("levering_id") REFERENCES "levering"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
