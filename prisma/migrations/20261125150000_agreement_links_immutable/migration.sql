-- A signed agreement version is immutable, including which contracts it links:
-- once any sign-off refers to a version, its contract links cannot be added or removed.
CREATE OR REPLACE FUNCTION "AgreementVersionContract_signed_immutable"() RETURNS trigger AS $$
DECLARE
  version_id uuid;
BEGIN
  IF TG_OP = 'INSERT' THEN
    version_id := NEW."agreementVersionId";
  ELSE
    version_id := OLD."agreementVersionId";
  END IF;
  IF EXISTS (SELECT 1 FROM "SignOff" WHERE "agreementVersionId" = version_id) THEN
    RAISE EXCEPTION 'Agreement version % has been signed: its linked contracts cannot be changed', version_id
      USING ERRCODE = 'restrict_violation';
  END IF;
  IF TG_OP = 'INSERT' THEN
    RETURN NEW;
  END IF;
  RETURN OLD;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "AgreementVersionContract_signed_immutable" BEFORE INSERT OR UPDATE OR DELETE ON "AgreementVersionContract"
  FOR EACH ROW EXECUTE FUNCTION "AgreementVersionContract_signed_immutable"();
