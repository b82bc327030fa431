-- Issue 26: parties identified in real registers (org-id.guide schemes), with an address and a contact point.
ALTER TABLE "Organisation" ADD COLUMN "identifierScheme" TEXT;
ALTER TABLE "Organisation" ADD COLUMN "identifierId" TEXT;
ALTER TABLE "Organisation" ADD COLUMN "identifierIsDemo" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "Organisation" ADD COLUMN "streetAddress" TEXT;
ALTER TABLE "Organisation" ADD COLUMN "locality" TEXT;
ALTER TABLE "Organisation" ADD COLUMN "postalCode" TEXT;
ALTER TABLE "Organisation" ADD COLUMN "contactName" TEXT;
ALTER TABLE "Organisation" ADD COLUMN "contactEmail" TEXT;
ALTER TABLE "Organisation" ADD COLUMN "contactTelephone" TEXT;
ALTER TABLE "Organisation" ADD CONSTRAINT "Organisation_identifier_check" CHECK (
  ("identifierScheme" IS NULL AND "identifierId" IS NULL)
  OR ("identifierScheme" IN ('GB-COH', 'GB-CHC', 'GB-NHS') AND "identifierId" IS NOT NULL)
);
CREATE UNIQUE INDEX "Organisation_identifierScheme_identifierId_key" ON "Organisation"("identifierScheme", "identifierId");
