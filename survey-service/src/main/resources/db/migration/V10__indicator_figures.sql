-- survey-service (issue 28): every recorded version of every indicator figure. A figure is identified by indicator,
-- period, area (level and code) and breakdown; a correction is its next version, the highest is the current one.
CREATE TABLE indicator_figure (
    id                     UUID          PRIMARY KEY,
    indicator              TEXT          NOT NULL,
    indicator_set_version  INTEGER       NOT NULL,
    period                 TEXT          NOT NULL,  -- YYYY or YYYY-Qn
    level                  TEXT          NOT NULL,  -- MUNICIPALITY, REGION, NATIONAL
    area                   TEXT          NOT NULL,  -- GM code, Veilig Thuis region, NL
    breakdown_key          TEXT          NOT NULL,  -- dimension=value;... sorted, '' for the total
    breakdown              JSONB         NOT NULL,
    value                  NUMERIC(18,4) NOT NULL,
    version                INTEGER       NOT NULL,
    recorded_at            TIMESTAMPTZ   NOT NULL,
    recorded_by            TEXT          NOT NULL,
    CONSTRAINT indicator_figure_version_unique UNIQUE (indicator, period, level, area, breakdown_key, version)
);

CREATE INDEX indicator_figure_by_area ON indicator_figure (level, area, period);
