-- The JSON the scoring-service keeps becomes jsonb, read and written as typed values (the goal scores, the keys of the
-- thresholds a municipality stands below, the survey-submitted data) instead of text parsed by hand.
ALTER TABLE score ALTER COLUMN goals TYPE JSONB USING goals::jsonb;
ALTER TABLE score ALTER COLUMN below_thresholds TYPE JSONB USING below_thresholds::jsonb;
ALTER TABLE submission ALTER COLUMN answers TYPE JSONB USING answers::jsonb;
