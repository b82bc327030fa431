-- The signer's account name, recorded beside the name they typed to sign.
ALTER TABLE "SignOff" ADD COLUMN "signerName" TEXT;

-- A notice is cleared once what it asks for was done or overtaken.
ALTER TABLE "Notification" ADD COLUMN "clearedAt" TIMESTAMPTZ(3);
