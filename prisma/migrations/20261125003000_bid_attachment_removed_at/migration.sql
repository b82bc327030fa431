-- AlterTable
ALTER TABLE "BidAttachment" ADD COLUMN "removedAt" TIMESTAMPTZ(3);
