-- CreateEnum
CREATE TYPE "Proef" AS ENUM ('ALLEEN_CONTROLEREN', 'WACHT_OP_VRIJGAVE');

-- AlterTable
ALTER TABLE "berichtgever" ADD COLUMN     "vrijgave_vereist" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "levering" ADD COLUMN     "proef" "Proef",
ADD COLUMN     "vrijgegeven_op" TIMESTAMPTZ(3);

-- CreateIndex
CREATE INDEX "levering_proef_ontvangen_op_idx" ON "levering"("proef", "ontvangen_op");
