-- Issue 28: pages keep a tender's computed results in the process, keyed by a
-- value read from PostgreSQL on every request. That value used to hash every
-- submitted vote (linear in the votes); now it is one row per tender, given a
-- new random stamp whenever anything the results are computed from changes:
-- the rule, the criteria, submitted bids and their versions, the bidders'
-- names, the panel, conflicts, members' names and submitted scores.
-- Triggers, not application code, keep it honest: a change made by another
-- server or by plain SQL moves it too. They are deferred to commit, so the
-- stamp's row lock is the last lock a transaction takes and is held only
-- while it commits (no lock-order deadlocks with the tender row's lock), and
-- a random stamp never repeats after a restore, as a counter would.
CREATE TABLE "ResultsVersion" (
    "tenderId" UUID NOT NULL,
    "stamp" UUID NOT NULL DEFAULT gen_random_uuid(),

    CONSTRAINT "ResultsVersion_pkey" PRIMARY KEY ("tenderId")
);

ALTER TABLE "ResultsVersion" ADD CONSTRAINT "ResultsVersion_tenderId_fkey" FOREIGN KEY ("tenderId") REFERENCES "Tender"("id") ON DELETE CASCADE ON UPDATE CASCADE;

INSERT INTO "ResultsVersion" ("tenderId") SELECT id FROM "Tender";

-- A tender deleted in the same transaction gets no row (the SELECT finds nothing).
-- One new stamp per transaction is enough (readers see its changes all at
-- once, at commit): a row this transaction already stamped is left alone, so
-- a transaction writing thousands of votes leaves one row version, not thousands.
CREATE FUNCTION results_changed(tender_ids uuid[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO "ResultsVersion" ("tenderId", stamp)
  SELECT t.id, gen_random_uuid() FROM "Tender" t WHERE t.id = ANY (tender_ids)
  ON CONFLICT ("tenderId") DO UPDATE SET stamp = excluded.stamp
  WHERE "ResultsVersion".xmin <> pg_current_xact_id()::xid
$$;

CREATE FUNCTION results_changed_by_tender_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM results_changed(ARRAY[NEW."tenderId"]);
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM results_changed(ARRAY[OLD."tenderId"]);
  ELSE
    PERFORM results_changed(ARRAY[OLD."tenderId", NEW."tenderId"]);
  END IF;
  RETURN NULL;
END $$;

-- Only submitted scores are votes: saving a draft moves nothing.
CREATE FUNCTION results_changed_by_score() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF NEW.status = 'SUBMITTED' THEN
      PERFORM results_changed(ARRAY(SELECT b."tenderId" FROM "Bid" b WHERE b.id = NEW."bidId"));
    END IF;
  ELSIF TG_OP = 'DELETE' THEN
    IF OLD.status = 'SUBMITTED' THEN
      PERFORM results_changed(ARRAY(SELECT b."tenderId" FROM "Bid" b WHERE b.id = OLD."bidId"));
    END IF;
  ELSIF OLD.status = 'SUBMITTED' OR NEW.status = 'SUBMITTED' THEN
    PERFORM results_changed(ARRAY(SELECT b."tenderId" FROM "Bid" b WHERE b.id IN (OLD."bidId", NEW."bidId")));
  END IF;
  RETURN NULL;
END $$;

-- Only submitted bids are ranked: a provider's draft moves nothing.
CREATE FUNCTION results_changed_by_bid() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF NEW.status = 'SUBMITTED' THEN
      PERFORM results_changed(ARRAY[NEW."tenderId"]);
    END IF;
  ELSIF TG_OP = 'DELETE' THEN
    IF OLD.status = 'SUBMITTED' THEN
      PERFORM results_changed(ARRAY[OLD."tenderId"]);
    END IF;
  ELSIF OLD.status = 'SUBMITTED' OR NEW.status = 'SUBMITTED' THEN
    PERFORM results_changed(ARRAY[OLD."tenderId", NEW."tenderId"]);
  END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION results_changed_by_bid_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM results_changed(ARRAY(SELECT b."tenderId" FROM "Bid" b WHERE b.id = OLD."bidId"));
  ELSE
    PERFORM results_changed(ARRAY(SELECT b."tenderId" FROM "Bid" b WHERE b.id = NEW."bidId"));
  END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION results_changed_by_conflict() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM results_changed(ARRAY(SELECT m."tenderId" FROM "PanelMember" m WHERE m.id = OLD."panelMemberId"));
  ELSE
    PERFORM results_changed(ARRAY(SELECT m."tenderId" FROM "PanelMember" m WHERE m.id = NEW."panelMemberId"));
    IF TG_OP = 'UPDATE' AND OLD."panelMemberId" <> NEW."panelMemberId" THEN
      PERFORM results_changed(ARRAY(SELECT m."tenderId" FROM "PanelMember" m WHERE m.id = OLD."panelMemberId"));
    END IF;
  END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION results_changed_by_rule() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM results_changed(ARRAY[NEW.id]);
  RETURN NULL;
END $$;

CREATE FUNCTION results_changed_by_bidder_name() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM results_changed(ARRAY(SELECT b."tenderId" FROM "Bid" b WHERE b."organisationId" = NEW.id));
  RETURN NULL;
END $$;

CREATE FUNCTION results_changed_by_member_name() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM results_changed(ARRAY(SELECT m."tenderId" FROM "PanelMember" m WHERE m."userId" = NEW.id));
  RETURN NULL;
END $$;

CREATE CONSTRAINT TRIGGER "Score_results_changed" AFTER INSERT OR UPDATE OR DELETE ON "Score"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION results_changed_by_score();
CREATE CONSTRAINT TRIGGER "Bid_results_changed" AFTER INSERT OR UPDATE OR DELETE ON "Bid"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION results_changed_by_bid();
CREATE CONSTRAINT TRIGGER "BidVersion_results_changed" AFTER INSERT OR UPDATE OR DELETE ON "BidVersion"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION results_changed_by_bid_version();
CREATE CONSTRAINT TRIGGER "Criterion_results_changed" AFTER INSERT OR UPDATE OR DELETE ON "Criterion"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION results_changed_by_tender_row();
CREATE CONSTRAINT TRIGGER "PanelMember_results_changed" AFTER INSERT OR UPDATE OR DELETE ON "PanelMember"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION results_changed_by_tender_row();
CREATE CONSTRAINT TRIGGER "ConflictDeclaration_results_changed" AFTER INSERT OR UPDATE OR DELETE ON "ConflictDeclaration"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION results_changed_by_conflict();
CREATE CONSTRAINT TRIGGER "Tender_results_changed" AFTER UPDATE OF "aggregationRule" ON "Tender"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN (OLD."aggregationRule" IS DISTINCT FROM NEW."aggregationRule") EXECUTE FUNCTION results_changed_by_rule();
CREATE CONSTRAINT TRIGGER "Organisation_results_changed" AFTER UPDATE OF name ON "Organisation"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN (OLD.name IS DISTINCT FROM NEW.name) EXECUTE FUNCTION results_changed_by_bidder_name();
CREATE CONSTRAINT TRIGGER "User_results_changed" AFTER UPDATE OF name ON "User"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN (OLD.name IS DISTINCT FROM NEW.name) EXECUTE FUNCTION results_changed_by_member_name();
