-- One-time codes open a shaping stage's questions (SHAPING) or a contract's feedback form (FEEDBACK, issue 25):
-- exactly one of the two, by purpose. A code is used at most once and never both used and then revoked.
ALTER TABLE "OneTimeCode" ADD COLUMN "contractId" UUID;

CREATE INDEX "OneTimeCode_contractId_batch_idx" ON "OneTimeCode"("contractId", "batch");

ALTER TABLE "OneTimeCode" ADD CONSTRAINT "OneTimeCode_contractId_fkey" FOREIGN KEY ("contractId") REFERENCES "Contract"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "OneTimeCode" ADD CONSTRAINT "OneTimeCode_scope_check" CHECK (
  ("purpose" = 'SHAPING' AND "stageId" IS NOT NULL AND "contractId" IS NULL)
  OR ("purpose" = 'FEEDBACK' AND "contractId" IS NOT NULL AND "stageId" IS NULL)
);

ALTER TABLE "OneTimeCode" ADD CONSTRAINT "OneTimeCode_batch_check" CHECK ("batch" >= 1);
