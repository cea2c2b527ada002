-- The questionnaire the scored submission answered (threshold-crossed carries it since issue 26): an alert names a
-- goal by that questionnaire's title. Null for alerts of earlier events (they are named by the latest).
ALTER TABLE alert ADD COLUMN questionnaire_version INTEGER;
