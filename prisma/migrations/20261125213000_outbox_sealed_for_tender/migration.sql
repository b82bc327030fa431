-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN "sealedTenderId" UUID;
