-- Issue 28: a coordinator's thresholds on the indicator figures of the region (the region's own figure and those of
-- its municipalities), and where each area stands with respect to each threshold (the crossing state, so that
-- restarts and redeliveries raise nothing twice; one row per threshold, area and kind of period).
CREATE TABLE indicator_threshold (
    id            UUID PRIMARY KEY,
    region        TEXT        NOT NULL,
    indicator     TEXT        NOT NULL,
    breakdown     JSONB       NOT NULL,
    breakdown_key TEXT        NOT NULL,
    value         NUMERIC     NOT NULL CHECK (value >= 0),
    alert_when    TEXT        NOT NULL CHECK (alert_when IN ('ABOVE', 'BELOW')),
    margin        NUMERIC     NOT NULL DEFAULT 0 CHECK (margin >= 0),
    description   TEXT,
    created_by    TEXT        NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL,
    CONSTRAINT indicator_threshold_once UNIQUE (region, indicator, breakdown_key, value, alert_when)
);
CREATE INDEX indicator_threshold_watch ON indicator_threshold (indicator, region, breakdown_key);

CREATE TABLE indicator_threshold_state (
    id             UUID PRIMARY KEY,
    threshold_id   UUID        NOT NULL REFERENCES indicator_threshold (id) ON DELETE CASCADE,
    area           TEXT        NOT NULL,
    granularity    TEXT        NOT NULL CHECK (granularity IN ('YEAR', 'QUARTER')),
    period         TEXT        NOT NULL,
    figure_version INT         NOT NULL,
    value          NUMERIC     NOT NULL,
    alerting       BOOLEAN     NOT NULL,
    updated_at     TIMESTAMPTZ NOT NULL,
    CONSTRAINT indicator_threshold_state_once UNIQUE (threshold_id, area, granularity)
);
