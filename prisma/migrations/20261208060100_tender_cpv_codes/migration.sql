-- Issue 26: what is bought, as CPV 2008 codes (8 digits, the main one first).
ALTER TABLE "Tender" ADD COLUMN "cpvCodes" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[];
ALTER TABLE "Tender" ADD CONSTRAINT "Tender_cpvCodes_check" CHECK (
  cardinality("cpvCodes") <= 3 AND array_to_string("cpvCodes", ',') ~ '^([0-9]{8}(,[0-9]{8})*)?$'
);
