-- survey-service: campaigns. The contacts of each municipality (its policy officers' e-mail addresses, maintained by
-- the coordinators of its Veilig Thuis region and by admins), and every campaign e-mail claimed for a wave: the
-- UNIQUE constraint on (wave, municipality, e-mail, step) is what sends each message once per contact and step, across
-- restarts and across instances. A claim is written (SENDING) and committed before the mail goes out; then SENT, or
-- FAILED (the SMTP server refused or could not be reached: a later round claims it again), or UNCERTAIN (no answer in
-- time, or the instance stopped mid-send: it may have arrived, so it is never sent again).
CREATE TABLE contact (
    id            BIGSERIAL   PRIMARY KEY,
    municipality  TEXT        NOT NULL,
    email         TEXT        NOT NULL CHECK (email = lower(email)),
    name          TEXT        NOT NULL,
    role          TEXT,
    updated_at    TIMESTAMPTZ NOT NULL,
    updated_by    TEXT        NOT NULL,
    UNIQUE (municipality, email)
);

CREATE TABLE campaign_message (
    id            BIGSERIAL   PRIMARY KEY,
    wave_year     INTEGER     NOT NULL REFERENCES wave (year),
    municipality  TEXT        NOT NULL,
    email         TEXT        NOT NULL,
    step          TEXT        NOT NULL CHECK (step ~ '^(INVITATION|REMINDER_[1-9][0-9]*)$'),
    status        TEXT        NOT NULL CHECK (status IN ('SENDING', 'SENT', 'FAILED', 'UNCERTAIN')),
    claimed_at    TIMESTAMPTZ NOT NULL,
    claimed_by    TEXT        NOT NULL,
    sent_at       TIMESTAMPTZ,
    attempts      INTEGER     NOT NULL DEFAULT 1,
    last_error    TEXT,
    UNIQUE (wave_year, municipality, email, step)
);

CREATE INDEX campaign_message_sending ON campaign_message (claimed_at) WHERE status = 'SENDING';
