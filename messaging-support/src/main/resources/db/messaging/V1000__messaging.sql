-- Shipped by messaging-support; every service lists db/messaging in quarkus.flyway.locations, so these tables live
-- in the service's own schema next to its data and are written in the same transaction.

-- Events written with the data they describe, relayed to Kafka by OutboxRelay and then deleted.
CREATE TABLE outbox_event (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id    TEXT        NOT NULL UNIQUE,
    topic       TEXT        NOT NULL,
    record_key  TEXT        NOT NULL,
    payload     TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Events a consumer has processed, so a redelivered or replayed event changes nothing.
CREATE TABLE processed_event (
    consumer      TEXT        NOT NULL,
    event_id      TEXT        NOT NULL,
    processed_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);
