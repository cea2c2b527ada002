-- Issue 28: the indicator figures the scoring-service has seen (it consumes every indicator-recorded), the highest
-- version per indicator, area, breakdown and period. A threshold created after figures were recorded evaluates the
-- latest period's figure of each area and kind of period it watches (IndicatorThresholdWatch.evaluateRecorded), and a
-- municipality's own indicator target is held against its year's figure when the plan arrives after it (TargetWatch).
CREATE TABLE recorded_figure (
    id            UUID PRIMARY KEY,
    indicator     TEXT        NOT NULL,
    area_key      TEXT        NOT NULL,
    breakdown_key TEXT        NOT NULL,
    granularity   TEXT        NOT NULL CHECK (granularity IN ('YEAR', 'QUARTER')),
    period        TEXT        NOT NULL,
    version       INT         NOT NULL,
    event_id      TEXT        NOT NULL,
    figure        JSONB       NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL,
    CONSTRAINT recorded_figure_once UNIQUE (indicator, area_key, breakdown_key, period)
);
CREATE INDEX recorded_figure_latest ON recorded_figure (indicator, breakdown_key, area_key, granularity, period);
