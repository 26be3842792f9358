-- AlterTable
ALTER TABLE "levering" ADD COLUMN     "bestand_telling" JSONB;
