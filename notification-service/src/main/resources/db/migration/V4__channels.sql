-- Channels besides the webhook: e-mail (an address) and a live Server-Sent Events stream (nothing to store), and the
-- optional daily digest. A webhook keeps its URL and secret; the other channels have none.
ALTER TABLE subscription DROP CONSTRAINT IF EXISTS subscription_channel_check;
ALTER TABLE subscription ALTER COLUMN channel DROP DEFAULT;
ALTER TABLE subscription ALTER COLUMN url DROP NOT NULL;
ALTER TABLE subscription ALTER COLUMN secret DROP NOT NULL;
ALTER TABLE subscription ADD COLUMN email TEXT;
ALTER TABLE subscription ADD CONSTRAINT subscription_channel_target CHECK (
    (channel = 'WEBHOOK' AND url IS NOT NULL AND secret IS NOT NULL AND email IS NULL)
    OR (channel = 'EMAIL' AND email IS NOT NULL AND url IS NULL)
    OR (channel = 'STREAM' AND url IS NULL AND email IS NULL));
