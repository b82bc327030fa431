-- Representations during standstill (PSR regulation 12(3)), issue 12.

-- AlterEnum
ALTER TYPE "AwardDecisionStatus" ADD VALUE 'REOPENED';

-- CreateEnum
CREATE TYPE "RepresentationStatus" AS ENUM ('OPEN', 'CLARIFICATION_REQUESTED', 'DECIDED');

-- CreateEnum
CREATE TYPE "RepresentationMessageKind" AS ENUM ('CLARIFICATION_REQUEST', 'CLARIFICATION_ANSWER');

-- CreateEnum
CREATE TYPE "RepresentationOutcome" AS ENUM ('CONTINUE', 'BACK_TO_MODERATION', 'ABANDON');

-- CreateTable
CREATE TABLE "Representation" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "awardDecisionId" UUID NOT NULL,
    "tenderId" UUID NOT NULL,
    "organisationId" UUID NOT NULL,
    "submittedById" UUID NOT NULL,
    "text" TEXT NOT NULL,
    "status" "RepresentationStatus" NOT NULL DEFAULT 'OPEN',
    "submittedAt" TIMESTAMPTZ(3) NOT NULL,
    "reviewId" UUID,
    CONSTRAINT "Representation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RepresentationAttachment" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "representationId" UUID NOT NULL,
    "filename" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "data" BYTEA NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "RepresentationAttachment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RepresentationMessage" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "representationId" UUID NOT NULL,
    "kind" "RepresentationMessageKind" NOT NULL,
    "text" TEXT NOT NULL,
    "authorId" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "RepresentationMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RepresentationReview" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "awardDecisionId" UUID NOT NULL,
    "tenderId" UUID NOT NULL,
    "outcome" "RepresentationOutcome" NOT NULL,
    "reasons" TEXT NOT NULL,
    "decidedById" UUID NOT NULL,
    "decidedAt" TIMESTAMPTZ(3) NOT NULL,
    "confirmNotBefore" TIMESTAMPTZ(3),
    CONSTRAINT "RepresentationReview_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Representation_awardDecisionId_organisationId_key" ON "Representation"("awardDecisionId", "organisationId");

-- CreateIndex
CREATE INDEX "Representation_tenderId_idx" ON "Representation"("tenderId");

-- CreateIndex
CREATE INDEX "Representation_reviewId_idx" ON "Representation"("reviewId");

-- CreateIndex
CREATE INDEX "RepresentationAttachment_representationId_idx" ON "RepresentationAttachment"("representationId");

-- CreateIndex
CREATE INDEX "RepresentationMessage_representationId_idx" ON "RepresentationMessage"("representationId");

-- CreateIndex
CREATE INDEX "RepresentationReview_awardDecisionId_idx" ON "RepresentationReview"("awardDecisionId");

-- CreateIndex
CREATE INDEX "RepresentationReview_tenderId_idx" ON "RepresentationReview"("tenderId");

-- AddForeignKey
ALTER TABLE "Representation" ADD CONSTRAINT "Representation_awardDecisionId_fkey" FOREIGN KEY ("awardDecisionId") REFERENCES "AwardDecision"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Representation" ADD CONSTRAINT "Representation_tenderId_fkey" FOREIGN KEY ("tenderId") REFERENCES "Tender"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Representation" ADD CONSTRAINT "Representation_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Representation" ADD CONSTRAINT "Representation_submittedById_fkey" FOREIGN KEY ("submittedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Representation" ADD CONSTRAINT "Representation_reviewId_fkey" FOREIGN KEY ("reviewId") REFERENCES "RepresentationReview"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RepresentationAttachment" ADD CONSTRAINT "RepresentationAttachment_representationId_fkey" FOREIGN KEY ("representationId") REFERENCES "Representation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RepresentationMessage" ADD CONSTRAINT "RepresentationMessage_representationId_fkey" FOREIGN KEY ("representationId") REFERENCES "Representation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RepresentationMessage" ADD CONSTRAINT "RepresentationMessage_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RepresentationReview" ADD CONSTRAINT "RepresentationReview_awardDecisionId_fkey" FOREIGN KEY ("awardDecisionId") REFERENCES "AwardDecision"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RepresentationReview" ADD CONSTRAINT "RepresentationReview_tenderId_fkey" FOREIGN KEY ("tenderId") REFERENCES "Tender"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RepresentationReview" ADD CONSTRAINT "RepresentationReview_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

