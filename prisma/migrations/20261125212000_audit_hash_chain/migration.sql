-- Tamper evidence for the audit log: every event stores the SHA-256 of its
-- canonical content and the hash of the event before it (a hash chain).
-- New events are chained by src/server/audit.ts; this migration chains the
-- events written before it, in id order.

-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN "prevHash" TEXT,
ADD COLUMN "hash" TEXT;

-- CreateTable
CREATE TABLE "AuditChainHead" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "lastEventId" BIGINT,
    "hash" TEXT,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "AuditChainHead_pkey" PRIMARY KEY ("id")
);
ALTER TABLE "AuditChainHead" ADD CONSTRAINT "AuditChainHead_one_row_check" CHECK ("id" = 1);

-- The same canonical JSON as canonicalJson() in src/server/content-hash.ts:
-- object keys sorted (by code point), no whitespace, strings escaped as
-- JSON.stringify escapes them. A test compares the two on awkward values.
CREATE FUNCTION "cocommission_canonical_json"(v jsonb) RETURNS text LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
  result text;
BEGIN
  IF v IS NULL THEN
    RETURN 'null';
  END IF;
  CASE jsonb_typeof(v)
    WHEN 'object' THEN
      SELECT '{' || coalesce(string_agg(to_jsonb(e.key)::text || ':' || "cocommission_canonical_json"(e.value), ',' ORDER BY e.key COLLATE "C"), '') || '}'
        INTO result FROM jsonb_each(v) AS e;
    WHEN 'array' THEN
      SELECT '[' || coalesce(string_agg("cocommission_canonical_json"(e.value), ',' ORDER BY e.ord), '') || ']'
        INTO result FROM jsonb_array_elements(v) WITH ORDINALITY AS e(value, ord);
    ELSE
      result := v::text;
  END CASE;
  RETURN result;
END;
$$;

-- The hashed content of one event: the same fields, names and formats as
-- auditEventContent() in src/server/audit-trail/chain.ts.
CREATE FUNCTION "cocommission_audit_event_hash"(e "AuditEvent", prev text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT encode(sha256(convert_to("cocommission_canonical_json"(jsonb_build_object(
    'id', e."id"::text,
    'at', to_char(e."at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
    'actorId', e."actorId"::text,
    'actorRole', e."actorRole"::text,
    'action', e."action",
    'entityType', e."entityType",
    'entityId', e."entityId",
    'tenderId', e."tenderId"::text,
    'establishmentId', e."establishmentId"::text,
    'before', e."before",
    'after', e."after",
    'prevHash', prev
  )), 'UTF8')), 'hex')
$$;

-- Backfill: chain the existing events in id order. The append-only trigger
-- is lifted for this one statement block only, inside this migration's
-- transaction, and nothing else may write meanwhile.
LOCK TABLE "AuditEvent" IN EXCLUSIVE MODE;
ALTER TABLE "AuditEvent" DISABLE TRIGGER "AuditEvent_append_only";
DO $$
DECLARE
  r "AuditEvent";
  prev text := NULL;
  last_id bigint := NULL;
  h text;
BEGIN
  FOR r IN SELECT * FROM "AuditEvent" ORDER BY "id" LOOP
    h := "cocommission_audit_event_hash"(r, prev);
    UPDATE "AuditEvent" SET "prevHash" = prev, "hash" = h WHERE "id" = r."id";
    prev := h;
    last_id := r."id";
  END LOOP;
  INSERT INTO "AuditChainHead" ("id", "lastEventId", "hash") VALUES (1, last_id, prev);
END;
$$;
ALTER TABLE "AuditEvent" ENABLE TRIGGER "AuditEvent_append_only";

ALTER TABLE "AuditEvent" ALTER COLUMN "hash" SET NOT NULL;

-- CreateIndex
CREATE UNIQUE INDEX "AuditEvent_prevHash_key" ON "AuditEvent"("prevHash");

-- The chain head is never deleted.
CREATE TRIGGER "AuditChainHead_no_delete" BEFORE DELETE OR TRUNCATE ON "AuditChainHead"
  FOR EACH STATEMENT EXECUTE FUNCTION "cocommission_refuse_change"();
