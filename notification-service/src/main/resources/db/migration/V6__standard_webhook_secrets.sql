-- Webhook secrets by the Standard Webhooks specification: 'whsec_' followed by the base64 of the key bytes, the HMAC
-- key being the decoded bytes. Until now the key was the secret's UTF-8 text. Every stored secret becomes 'whsec_' +
-- base64 of exactly those bytes: the key does not change, so existing receivers keep verifying with the text they
-- have, and the standard libraries can now load the secret in its new form (or the receiver rotates it).
UPDATE subscription
SET secret = 'whsec_' || translate(encode(convert_to(secret, 'UTF8'), 'base64'), E'\n', '')
WHERE secret IS NOT NULL;

ALTER TABLE subscription ADD CONSTRAINT subscription_secret_standard CHECK (secret IS NULL OR secret LIKE 'whsec\_%');

-- Rotation: the secret before the last rotation still signs calls (a second signature) until previous_secret_until.
ALTER TABLE subscription ADD COLUMN previous_secret TEXT;
ALTER TABLE subscription ADD COLUMN previous_secret_until TIMESTAMPTZ;
ALTER TABLE subscription ADD CONSTRAINT subscription_previous_secret CHECK (
    (previous_secret IS NULL AND previous_secret_until IS NULL)
    OR (previous_secret LIKE 'whsec\_%' AND previous_secret_until IS NOT NULL AND channel = 'WEBHOOK'));
