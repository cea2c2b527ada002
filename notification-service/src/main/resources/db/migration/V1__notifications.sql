-- notification-service: who wants to hear about crossings, the alerts raised, and every delivery with its attempts.

-- A coordinator's subscription to the alerts of one Veilig Thuis region. Deleting one keeps the row (and so the
-- delivery log) with deleted_at set; pending deliveries are cancelled.
CREATE TABLE subscription (
    id           UUID        PRIMARY KEY,
    region       TEXT        NOT NULL,
    channel      TEXT        NOT NULL DEFAULT 'WEBHOOK' CHECK (channel IN ('WEBHOOK')),
    url          TEXT        NOT NULL,
    secret       TEXT        NOT NULL,  -- the HMAC key of the webhook signature; needed in clear to sign
    description  TEXT,
    owner        TEXT        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    deleted_at   TIMESTAMPTZ
);

CREATE INDEX subscription_by_region ON subscription (region) WHERE deleted_at IS NULL;

-- One alert per threshold crossing, however often the event is delivered or replayed.
CREATE TABLE alert (
    id                 UUID             PRIMARY KEY,
    crossing_id        UUID             NOT NULL,
    event_id           TEXT             NOT NULL,  -- the threshold-crossed CloudEvent it came from
    type               TEXT             NOT NULL,  -- threshold-crossed (later also: resolved)
    municipality       TEXT             NOT NULL,
    municipality_name  TEXT,
    region             TEXT             NOT NULL,
    year               INTEGER          NOT NULL,
    threshold_scope    TEXT             NOT NULL,
    threshold_goal     INTEGER,
    threshold_value    DOUBLE PRECISION NOT NULL,
    direction          TEXT             NOT NULL,
    previous_score     DOUBLE PRECISION,
    new_score          DOUBLE PRECISION NOT NULL,
    previous_band      TEXT,
    new_band           TEXT             NOT NULL,
    score_event_id     TEXT             NOT NULL,
    submission_id      UUID             NOT NULL,
    occurred_at        TIMESTAMPTZ      NOT NULL,
    received_at        TIMESTAMPTZ      NOT NULL,
    CONSTRAINT alert_once_per_crossing UNIQUE (crossing_id)
);

CREATE INDEX alert_by_region ON alert (region, occurred_at DESC);
CREATE INDEX alert_by_municipality ON alert (municipality, occurred_at DESC);

-- One delivery of an alert to one subscription. Its id is the webhook-id, stable across retries; the payload is
-- fixed when the delivery is created so every attempt sends the same bytes.
CREATE TABLE delivery (
    id               UUID        PRIMARY KEY,
    alert_id         UUID        NOT NULL REFERENCES alert (id),
    subscription_id  UUID        NOT NULL REFERENCES subscription (id),
    status           TEXT        NOT NULL CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED', 'CANCELLED')),
    attempts         INTEGER     NOT NULL DEFAULT 0,
    next_attempt_at  TIMESTAMPTZ,           -- when PENDING: due from then on (also the lease of a claimed one)
    payload          TEXT        NOT NULL,
    created_at       TIMESTAMPTZ NOT NULL,
    completed_at     TIMESTAMPTZ,
    CONSTRAINT delivery_once_per_subscription UNIQUE (alert_id, subscription_id)
);

CREATE INDEX delivery_due ON delivery (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX delivery_by_subscription ON delivery (subscription_id, created_at DESC);

-- Every attempt of a delivery: the HTTP status it got, or the error, and how long it took.
CREATE TABLE delivery_attempt (
    id            BIGINT      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    delivery_id   UUID        NOT NULL REFERENCES delivery (id),
    attempt       INTEGER     NOT NULL,
    attempted_at  TIMESTAMPTZ NOT NULL,
    http_status   INTEGER,
    error         TEXT,
    latency_ms    BIGINT      NOT NULL,
    CONSTRAINT delivery_attempt_once UNIQUE (delivery_id, attempt)
);
