-- survey-service: every submitted version of every municipality's assessment per year.
CREATE TABLE submission (
    id                     UUID        PRIMARY KEY,
    municipality           TEXT        NOT NULL,
    year                   INTEGER     NOT NULL,
    version                INTEGER     NOT NULL,
    questionnaire_version  INTEGER     NOT NULL,
    answers                TEXT        NOT NULL,  -- the goals and extras as JSON, as validated
    submitted_at           TIMESTAMPTZ NOT NULL,
    submitted_by           TEXT        NOT NULL,
    CONSTRAINT submission_version_unique UNIQUE (municipality, year, version)
);

CREATE INDEX submission_by_municipality ON submission (municipality, year, version DESC);

-- A retried POST with the same Idempotency-Key from the same caller returns the submission it created.
CREATE TABLE idempotency_key (
    caller         TEXT        NOT NULL,
    key            TEXT        NOT NULL,
    request_hash   TEXT        NOT NULL,
    submission_id  UUID        NOT NULL REFERENCES submission (id),
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (caller, key)
);
