-- reporting-service (issue 28): the current version of every municipality's plan (municipal-plan-published events):
-- its targets per goal and per municipal indicator and its actions. A redelivered or older version changes nothing.
-- Like the indicator figures and the audit trail, not part of the read-model rebuild.
CREATE TABLE municipal_plan (
    municipality  TEXT         PRIMARY KEY,
    version       INTEGER      NOT NULL,
    plan          JSONB        NOT NULL,  -- {goalTargets, indicatorTargets, actions}
    plan_id       UUID         NOT NULL,
    published_at  TIMESTAMPTZ  NOT NULL
);
