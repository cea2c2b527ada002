-- A subscription may take its alerts as one daily digest instead of one message per alert (webhook and e-mail).
ALTER TABLE subscription ADD COLUMN digest BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE subscription ADD CONSTRAINT subscription_digest_channel CHECK (NOT digest OR channel IN ('WEBHOOK', 'EMAIL'));
