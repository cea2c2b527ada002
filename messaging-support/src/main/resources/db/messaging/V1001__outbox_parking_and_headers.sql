-- Record headers of an outbox row (a dead-lettered record carries its reason and origin in them).
ALTER TABLE outbox_event ADD COLUMN headers JSONB;

-- A row Kafka can never take (too large, unserializable) is parked with the reason instead of blocking the rows
-- after it; an admin sees it and can retry it after a fix.
ALTER TABLE outbox_event ADD COLUMN parked_at TIMESTAMPTZ;
ALTER TABLE outbox_event ADD COLUMN parked_reason TEXT;

CREATE INDEX outbox_event_waiting ON outbox_event (id) WHERE parked_at IS NULL;
