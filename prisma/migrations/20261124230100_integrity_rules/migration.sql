-- Rules Prisma's schema language cannot express. Listed in docs/data-model.md.

-- Checks: the database refuses impossible values whatever code writes them.
ALTER TABLE "User" ADD CONSTRAINT "User_email_lowercase_check" CHECK ("email" = lower(btrim("email")) AND "email" <> '');
ALTER TABLE "User" ADD CONSTRAINT "User_name_present_check" CHECK (btrim("name") <> '');
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_email_lowercase_check" CHECK ("email" = lower(btrim("email")) AND "email" <> '');
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_scope_check" CHECK (
  ("role" = 'PROVIDER' AND "organisationId" IS NOT NULL AND "establishmentId" IS NULL)
  OR ("role" = 'GOVERNOR' AND "establishmentId" IS NOT NULL AND "organisationId" IS NULL)
  OR ("role" NOT IN ('PROVIDER', 'GOVERNOR') AND "establishmentId" IS NULL)
);
ALTER TABLE "Tender" ADD CONSTRAINT "Tender_estimatedValuePence_check" CHECK ("estimatedValuePence" IS NULL OR "estimatedValuePence" >= 0);
ALTER TABLE "Tender" ADD CONSTRAINT "Tender_technicianHourlyRatePence_check" CHECK ("technicianHourlyRatePence" IS NULL OR "technicianHourlyRatePence" >= 0);
ALTER TABLE "Tender" ADD CONSTRAINT "Tender_contractTermMonths_check" CHECK ("contractTermMonths" IS NULL OR "contractTermMonths" BETWEEN 1 AND 240);
ALTER TABLE "Tender" ADD CONSTRAINT "Tender_cancel_reason_check" CHECK ("status" <> 'CANCELLED' OR btrim(coalesce("cancelReason", '')) <> '');
ALTER TABLE "Criterion" ADD CONSTRAINT "Criterion_weight_check" CHECK ("weight" BETWEEN 0 AND 100);
ALTER TABLE "Criterion" ADD CONSTRAINT "Criterion_wordLimit_check" CHECK ("wordLimit" IS NULL OR "wordLimit" > 0);
ALTER TABLE "Bid" ADD CONSTRAINT "Bid_pricePence_check" CHECK ("pricePence" IS NULL OR "pricePence" >= 0);
ALTER TABLE "BidAttachment" ADD CONSTRAINT "BidAttachment_sizeBytes_check" CHECK ("sizeBytes" >= 0);
ALTER TABLE "Score" ADD CONSTRAINT "Score_score_check" CHECK ("score" BETWEEN 0 AND 5);
ALTER TABLE "Score" ADD CONSTRAINT "Score_submitted_reason_check" CHECK ("status" <> 'SUBMITTED' OR btrim("reason") <> '');
ALTER TABLE "ScoreRevision" ADD CONSTRAINT "ScoreRevision_scores_check" CHECK ("previousScore" BETWEEN 0 AND 5 AND "newScore" BETWEEN 0 AND 5);
ALTER TABLE "SignOff" ADD CONSTRAINT "SignOff_one_subject_check" CHECK (num_nonnulls("awardDecisionId", "agreementVersionId") = 1);
ALTER TABLE "Contract" ADD CONSTRAINT "Contract_valuePence_check" CHECK ("valuePence" >= 0);
ALTER TABLE "Contract" ADD CONSTRAINT "Contract_dates_check" CHECK ("endDate" > "startDate");
ALTER TABLE "CoCommissioningAgreement" ADD CONSTRAINT "CoCommissioningAgreement_period_check" CHECK ("periodEnd" > "periodStart");
ALTER TABLE "TimeEntry" ADD CONSTRAINT "TimeEntry_minutes_check" CHECK ("minutes" BETWEEN 1 AND 1440);
ALTER TABLE "TimeEntry" ADD CONSTRAINT "TimeEntry_money_check" CHECK (coalesce("hourlyRatePence", 0) >= 0 AND coalesce("amountPence", 0) >= 0);

-- Append-only tables: history that must never be rewritten.
CREATE FUNCTION "cocommission_refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'restrict_violation';
END;
$$;

CREATE TRIGGER "AuditEvent_append_only" BEFORE UPDATE OR DELETE ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION "cocommission_refuse_change"();
CREATE TRIGGER "AuditEvent_no_truncate" BEFORE TRUNCATE ON "AuditEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION "cocommission_refuse_change"();
CREATE TRIGGER "ScoreRevision_append_only" BEFORE UPDATE OR DELETE ON "ScoreRevision"
  FOR EACH ROW EXECUTE FUNCTION "cocommission_refuse_change"();
CREATE TRIGGER "BidVersion_append_only" BEFORE UPDATE ON "BidVersion"
  FOR EACH ROW EXECUTE FUNCTION "cocommission_refuse_change"();

-- A sign-off is never edited or deleted; the only change allowed is voiding it once.
CREATE FUNCTION "cocommission_sign_off_guard"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'SignOff rows cannot be deleted' USING ERRCODE = 'restrict_violation';
  END IF;
  IF OLD."voidedAt" IS NOT NULL
     OR NEW."voidedAt" IS NULL
     OR (to_jsonb(NEW) - 'voidedAt') <> (to_jsonb(OLD) - 'voidedAt') THEN
    RAISE EXCEPTION 'A sign-off can only be voided, once' USING ERRCODE = 'restrict_violation';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER "SignOff_guard" BEFORE UPDATE OR DELETE ON "SignOff"
  FOR EACH ROW EXECUTE FUNCTION "cocommission_sign_off_guard"();

-- A signed agreement version is immutable.
CREATE FUNCTION "cocommission_signed_version_guard"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM "SignOff" WHERE "agreementVersionId" = OLD."id") THEN
    RAISE EXCEPTION 'Agreement version % has been signed and cannot be changed', OLD."version"
      USING ERRCODE = 'restrict_violation';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER "AgreementVersion_signed_immutable" BEFORE UPDATE OR DELETE ON "AgreementVersion"
  FOR EACH ROW EXECUTE FUNCTION "cocommission_signed_version_guard"();
