-- Issue 28: the municipalities' own plans (municipal-plan-published, the highest version per municipality) and where
-- each target stands in its year (missed or met), so that a missed target is published once as threshold-crossed v3
-- and a correction, a later submission or a new plan that meets it again resolves it, across restarts and redeliveries.
CREATE TABLE municipal_plan (
    municipality TEXT PRIMARY KEY,
    plan_id      UUID        NOT NULL,
    version      INT         NOT NULL,
    plan         JSONB       NOT NULL,
    event_id     TEXT        NOT NULL,
    received_at  TIMESTAMPTZ NOT NULL
);

CREATE TABLE target_state (
    id            UUID PRIMARY KEY,
    municipality  TEXT        NOT NULL,
    -- goal:<n> or indicator:<id>|<breakdown key>
    series        TEXT        NOT NULL,
    year          INT         NOT NULL,
    target        NUMERIC     NOT NULL,
    result        NUMERIC     NOT NULL,
    missed        BOOLEAN     NOT NULL,
    plan_version  INT         NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL,
    CONSTRAINT target_state_once UNIQUE (municipality, series, year)
);
