-- Alertmanager semantics: an alert opened by a crossing down is resolved by the matching crossing back up, which
-- becomes a "resolved" notice to those who got the alert.
ALTER TABLE alert ADD COLUMN state TEXT NOT NULL DEFAULT 'OPEN';   -- OPEN, RESOLVED
ALTER TABLE alert ADD COLUMN resolved_at TIMESTAMPTZ;
ALTER TABLE alert ADD COLUMN resolves_alert_id UUID REFERENCES alert (id);  -- on a resolved notice: the alert it ends
UPDATE alert SET state = 'RESOLVED', resolved_at = received_at WHERE direction = 'UP';
CREATE INDEX alert_open ON alert (municipality, threshold_scope, threshold_value) WHERE state = 'OPEN';
