-- The platform's audit trail (issue 15): every change someone made (a submission, an import, a rescore, a wave
-- opened/closed/reopened, a subscription created or deleted, a contact changed, a dead-letter redrive, ...), one row
-- per audit-recorded event, append-only. Not part of the rebuildable read model: the read-model rebuild neither
-- empties nor replays it, and its idempotence is its own (the event id is the key; a redelivered event inserts
-- nothing), not the processed-event marks the rebuild forgets.
CREATE TABLE audit_entry (
    seq            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id       TEXT        NOT NULL UNIQUE,
    occurred_at    TIMESTAMPTZ NOT NULL,
    recorded_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    service        TEXT        NOT NULL,
    action         TEXT        NOT NULL,
    subject        TEXT        NOT NULL,
    municipality   TEXT,
    actor          TEXT        NOT NULL,
    roles          TEXT[]      NOT NULL,
    client_address TEXT,
    peer_address   TEXT,
    details        JSONB       NOT NULL
);

CREATE INDEX audit_entry_by_time ON audit_entry (occurred_at DESC, seq DESC);
CREATE INDEX audit_entry_by_action ON audit_entry (action, occurred_at DESC);
CREATE INDEX audit_entry_by_actor ON audit_entry (actor, occurred_at DESC);
CREATE INDEX audit_entry_by_municipality ON audit_entry (municipality, occurred_at DESC);

-- Nothing can alter the trail, not even SQL by the service's own user: UPDATE, DELETE and TRUNCATE raise.
CREATE FUNCTION audit_entry_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_entry is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER audit_entry_no_update_or_delete BEFORE UPDATE OR DELETE ON audit_entry
    FOR EACH ROW EXECUTE FUNCTION audit_entry_is_append_only();
CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON audit_entry
    FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_is_append_only();
