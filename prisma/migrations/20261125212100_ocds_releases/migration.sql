-- Open data: OCDS 1.1 releases, stored when each public event happens and never rebuilt.

-- CreateTable
CREATE TABLE "OcdsRelease" (
    "seq" BIGSERIAL NOT NULL,
    "ocid" TEXT NOT NULL,
    "releaseId" TEXT NOT NULL,
    "tenderId" UUID NOT NULL,
    "tag" TEXT NOT NULL,
    "date" TIMESTAMPTZ(3) NOT NULL,
    "release" JSONB NOT NULL,
    CONSTRAINT "OcdsRelease_pkey" PRIMARY KEY ("seq")
);

-- CreateIndex
CREATE UNIQUE INDEX "OcdsRelease_ocid_releaseId_key" ON "OcdsRelease"("ocid", "releaseId");

-- CreateIndex
CREATE INDEX "OcdsRelease_tenderId_idx" ON "OcdsRelease"("tenderId");

-- CreateIndex
CREATE INDEX "OcdsRelease_date_idx" ON "OcdsRelease"("date");

-- AddForeignKey
ALTER TABLE "OcdsRelease" ADD CONSTRAINT "OcdsRelease_tenderId_fkey" FOREIGN KEY ("tenderId") REFERENCES "Tender"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- A release, once published, is never changed or removed.
CREATE TRIGGER "OcdsRelease_append_only" BEFORE UPDATE OR DELETE ON "OcdsRelease"
  FOR EACH ROW EXECUTE FUNCTION "cocommission_refuse_change"();
CREATE TRIGGER "OcdsRelease_no_truncate" BEFORE TRUNCATE ON "OcdsRelease"
  FOR EACH STATEMENT EXECUTE FUNCTION "cocommission_refuse_change"();
