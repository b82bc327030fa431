-- Issue 26: what providers and commissioners said during standstill, and the
-- clarification answers every provider read, are history: nobody rewrites them
-- through the portal or behind its back. Their content fingerprints are also
-- in the audit chain, so `npm run audit:verify` names a record whose text no
-- longer matches (someone with the rights to drop these triggers).

-- Messages, further decisions and files of a representation: never changed or removed.
CREATE TRIGGER "RepresentationMessage_append_only" BEFORE UPDATE OR DELETE ON "RepresentationMessage"
  FOR EACH ROW EXECUTE FUNCTION "cocommission_refuse_change"();
CREATE TRIGGER "RepresentationReview_append_only" BEFORE UPDATE OR DELETE ON "RepresentationReview"
  FOR EACH ROW EXECUTE FUNCTION "cocommission_refuse_change"();
CREATE TRIGGER "RepresentationAttachment_append_only" BEFORE UPDATE OR DELETE ON "RepresentationAttachment"
  FOR EACH ROW EXECUTE FUNCTION "cocommission_refuse_change"();

-- A representation moves through its statuses and gets the further decision
-- that closed it; what was represented, by whom and when never changes.
CREATE FUNCTION "cocommission_representation_guard"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'Representation is append-only: DELETE refused' USING ERRCODE = 'restrict_violation';
  END IF;
  IF NEW."text" IS DISTINCT FROM OLD."text"
     OR NEW."awardDecisionId" IS DISTINCT FROM OLD."awardDecisionId"
     OR NEW."tenderId" IS DISTINCT FROM OLD."tenderId"
     OR NEW."organisationId" IS DISTINCT FROM OLD."organisationId"
     OR NEW."submittedById" IS DISTINCT FROM OLD."submittedById"
     OR NEW."submittedAt" IS DISTINCT FROM OLD."submittedAt" THEN
    RAISE EXCEPTION 'A representation''s text, sender and time never change: UPDATE refused' USING ERRCODE = 'restrict_violation';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER "Representation_guard" BEFORE UPDATE OR DELETE ON "Representation"
  FOR EACH ROW EXECUTE FUNCTION "cocommission_representation_guard"();

-- A clarification question never changes its text, tender, asker or time; once
-- its answer is published (every provider has read it) nothing changes and it
-- is never removed.
CREATE FUNCTION "cocommission_clarification_guard"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD."publishedAt" IS NOT NULL THEN
      RAISE EXCEPTION 'A published clarification answer is never removed: DELETE refused' USING ERRCODE = 'restrict_violation';
    END IF;
    RETURN OLD;
  END IF;
  IF OLD."publishedAt" IS NOT NULL
     OR NEW."question" IS DISTINCT FROM OLD."question"
     OR NEW."tenderId" IS DISTINCT FROM OLD."tenderId"
     OR NEW."organisationId" IS DISTINCT FROM OLD."organisationId"
     OR NEW."askedById" IS DISTINCT FROM OLD."askedById"
     OR NEW."createdAt" IS DISTINCT FROM OLD."createdAt" THEN
    RAISE EXCEPTION 'A clarification question, and a published answer, never change: UPDATE refused' USING ERRCODE = 'restrict_violation';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER "ClarificationQuestion_guard" BEFORE UPDATE OR DELETE ON "ClarificationQuestion"
  FOR EACH ROW EXECUTE FUNCTION "cocommission_clarification_guard"();

-- From now on each clarification message's and each question's audit event
-- carries its fingerprint. Those written before are fingerprinted here, in one
-- event appended to the chain (as src/server/audit.ts's auditAlone appends
-- one), when there are any.
WITH recorded AS (
  SELECT jsonb_build_object(
    'representationMessages', coalesce((SELECT jsonb_object_agg(m.id::text, encode(sha256(convert_to(m.text, 'UTF8')), 'hex')) FROM "RepresentationMessage" m), '{}'::jsonb),
    'clarificationQuestions', coalesce((SELECT jsonb_object_agg(q.id::text, encode(sha256(convert_to(q.question, 'UTF8')), 'hex')) FROM "ClarificationQuestion" q), '{}'::jsonb)
  ) AS fingerprints
),
head AS (SELECT "hash" FROM "AuditChainHead" WHERE "id" = 1 FOR UPDATE),
event AS (
  SELECT e.*, head."hash" AS "prev", "cocommission_audit_event_hash"(e, head."hash") AS "computed"
  FROM head, recorded, LATERAL jsonb_populate_record(NULL::"AuditEvent", jsonb_build_object(
    'id', nextval(pg_get_serial_sequence('"AuditEvent"', 'id')),
    'at', date_trunc('milliseconds', clock_timestamp()),
    'actorId', NULL,
    'actorRole', NULL,
    'action', 'audit.fingerprints_recorded',
    'entityType', 'AuditEvent',
    'entityId', 'fingerprints',
    'tenderId', NULL,
    'establishmentId', NULL,
    'before', NULL,
    'after', recorded.fingerprints
  )) AS e
  WHERE recorded.fingerprints <> '{"representationMessages": {}, "clarificationQuestions": {}}'::jsonb
),
inserted AS (
  INSERT INTO "AuditEvent" ("id", "at", "actorId", "actorRole", "action", "entityType", "entityId", "tenderId", "establishmentId", "before", "after", "prevHash", "hash")
  SELECT "id", "at", "actorId", "actorRole", "action", "entityType", "entityId", "tenderId", "establishmentId", "before", "after", "prev", "computed" FROM event
  RETURNING "id", "hash"
)
UPDATE "AuditChainHead" SET "lastEventId" = inserted."id", "hash" = inserted."hash", "updatedAt" = now()
FROM inserted WHERE "AuditChainHead"."id" = 1;
