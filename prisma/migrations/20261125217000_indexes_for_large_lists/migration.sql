-- Issue 11: the key pages' queries use an index on tables that grow large
-- (time entries, scores), checked with EXPLAIN by tests/integration/query-shape.test.ts.
DROP INDEX "TimeEntry_technicianId_idx";
CREATE INDEX "TimeEntry_technicianId_workedOn_idx" ON "TimeEntry"("technicianId", "workedOn");
CREATE INDEX "TimeEntry_status_createdAt_idx" ON "TimeEntry"("status", "createdAt");
CREATE INDEX "TimeEntry_status_reviewedAt_idx" ON "TimeEntry"("status", "reviewedAt");

DROP INDEX "Score_bidId_idx";
CREATE INDEX "Score_bidId_status_idx" ON "Score"("bidId", "status");
