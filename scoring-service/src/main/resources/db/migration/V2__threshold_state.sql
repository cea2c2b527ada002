-- Where each score left the municipality with respect to the watched thresholds (hysteresis needs the state, not
-- only the previous value): a JSON array of threshold keys such as ["total<25.0","goal3<40.0"]. NULL for scores
-- stored before states were kept; their state is then derived from their values.
ALTER TABLE score ADD COLUMN below_thresholds TEXT;
