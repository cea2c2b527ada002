-- reporting-service (issue 28): the current version of every indicator figure (indicator-recorded events), one row
-- per indicator, period, area and breakdown. A redelivered or older version changes nothing (the version only grows).
-- Numbered 30 to leave room for the read model's own migrations.
CREATE TABLE indicator_figure (
    indicator      TEXT          NOT NULL,
    period         TEXT          NOT NULL,
    level          TEXT          NOT NULL,
    area           TEXT          NOT NULL,
    breakdown_key  TEXT          NOT NULL,
    breakdown      JSONB         NOT NULL,
    value          NUMERIC(18,4) NOT NULL,
    version        INTEGER       NOT NULL,
    figure_id      UUID          NOT NULL,
    recorded_at    TIMESTAMPTZ   NOT NULL,
    PRIMARY KEY (indicator, period, level, area, breakdown_key)
);

CREATE INDEX indicator_figure_by_area ON indicator_figure (level, area);
