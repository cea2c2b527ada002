-- survey-service (issue 28): every version of every municipality's plan (its targets per goal and per municipal
-- indicator, and its actions). Each change is the next version and replaces the plan whole; the highest is current.
CREATE TABLE municipal_plan (
    id                     UUID          PRIMARY KEY,
    municipality           TEXT          NOT NULL,
    version                INTEGER       NOT NULL,
    plan                   JSONB         NOT NULL,  -- {goalTargets, indicatorTargets, actions}
    indicator_set_version  INTEGER       NOT NULL,
    saved_at               TIMESTAMPTZ   NOT NULL,
    saved_by               TEXT          NOT NULL,
    CONSTRAINT municipal_plan_version_unique UNIQUE (municipality, version)
);
