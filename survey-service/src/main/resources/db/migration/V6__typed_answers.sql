-- A submission's answers become jsonb, read and written as a typed value (service.Answers, as a draft's already are)
-- instead of text written and parsed by hand.
ALTER TABLE submission ALTER COLUMN answers TYPE JSONB USING answers::jsonb;
