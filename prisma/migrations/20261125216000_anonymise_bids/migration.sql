-- AlterTable
ALTER TABLE "Tender" ADD COLUMN     "anonymiseBids" BOOLEAN NOT NULL DEFAULT false;
