-- Accounts people look after themselves (issue 29): "forgotten your password?" links, where you are signed in,
-- and a young commissioner's request to close their account.

-- AlterTable
ALTER TABLE "User" ADD COLUMN "closureRequestedAt" TIMESTAMPTZ(3),
ADD COLUMN "closedAt" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "UserSession" ADD COLUMN "device" TEXT,
ADD COLUMN "lastUsedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- CreateTable
CREATE TABLE "PasswordReset" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "userId" UUID NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "usedAt" TIMESTAMPTZ(3),
    "revokedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "PasswordReset_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PasswordReset_tokenHash_key" ON "PasswordReset"("tokenHash");

-- CreateIndex
CREATE INDEX "PasswordReset_userId_idx" ON "PasswordReset"("userId");

-- AddForeignKey
ALTER TABLE "PasswordReset" ADD CONSTRAINT "PasswordReset_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A session's device label is short (it is made from the User-Agent, never stored raw).
ALTER TABLE "UserSession" ADD CONSTRAINT "UserSession_device_length_check" CHECK ("device" IS NULL OR length("device") <= 100);
-- A closed account is disabled (so the trigger below ended its sessions).
ALTER TABLE "User" ADD CONSTRAINT "User_closed_is_disabled_check" CHECK ("closedAt" IS NULL OR "disabledAt" IS NOT NULL);

-- Disabling an account also ends its open password reset links, whatever code or person disables it.
CREATE OR REPLACE FUNCTION "cocommission_revoke_sessions_of_disabled_user"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."disabledAt" IS NOT NULL AND OLD."disabledAt" IS NULL THEN
    UPDATE "UserSession" SET "revokedAt" = now() WHERE "userId" = NEW."id" AND "revokedAt" IS NULL;
    UPDATE "PasswordReset" SET "revokedAt" = now() WHERE "userId" = NEW."id" AND "usedAt" IS NULL AND "revokedAt" IS NULL;
  END IF;
  RETURN NEW;
END;
$$;
