-- Webhook secrets are stored encrypted (AES-256-GCM, 'v1:<key id>:<base64>', the service's SealedSecret) from now on:
-- the 'whsec_' checks of V6 no longer hold for the stored text. Rows stored before are encrypted by the service at
-- start, right after this migration (SecretHousekeeping; the key is the service's configuration, not the
-- database's), and read as they are until then.
ALTER TABLE subscription DROP CONSTRAINT subscription_secret_standard;
ALTER TABLE subscription DROP CONSTRAINT subscription_previous_secret;
ALTER TABLE subscription ADD CONSTRAINT subscription_previous_secret CHECK (
    (previous_secret IS NULL AND previous_secret_until IS NULL)
    OR (previous_secret IS NOT NULL AND previous_secret_until IS NOT NULL AND channel = 'WEBHOOK'));

-- A deleted subscription keeps its row (its delivery log) but not its secrets.
ALTER TABLE subscription DROP CONSTRAINT subscription_channel_target;
ALTER TABLE subscription ADD CONSTRAINT subscription_channel_target CHECK (
    (channel = 'WEBHOOK' AND url IS NOT NULL AND (secret IS NOT NULL OR deleted_at IS NOT NULL) AND email IS NULL)
    OR (channel = 'EMAIL' AND email IS NOT NULL AND url IS NULL)
    OR (channel = 'STREAM' AND url IS NULL AND email IS NULL));
UPDATE subscription SET secret = NULL, previous_secret = NULL, previous_secret_until = NULL
WHERE deleted_at IS NOT NULL;
