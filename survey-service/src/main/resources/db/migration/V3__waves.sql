-- survey-service: the waves (measurement rounds). One wave per year: the admin opens it with the questionnaire and
-- scoring-rules versions and the municipal division it uses, for a window [open_from, open_until); submissions and
-- drafts for that year are accepted only while it is OPEN and inside the window. Closing is final until an explicit,
-- audited reopen. A year without a row here follows survey.waves.years-without-wave (see the README).
CREATE TABLE wave (
    year                   INTEGER     PRIMARY KEY,
    questionnaire_version  INTEGER     NOT NULL,
    rules_version          INTEGER     NOT NULL,
    division_year          INTEGER     NOT NULL,
    open_from              TIMESTAMPTZ NOT NULL,
    open_until             TIMESTAMPTZ NOT NULL,
    status                 TEXT        NOT NULL CHECK (status IN ('OPEN', 'CLOSED')),
    opened_at              TIMESTAMPTZ NOT NULL,
    opened_by              TEXT        NOT NULL,
    closed_at              TIMESTAMPTZ,
    closed_by              TEXT,
    reopened_at            TIMESTAMPTZ,
    reopened_by            TEXT,
    reopen_reason          TEXT,
    reopen_count           INTEGER     NOT NULL DEFAULT 0,
    CHECK (open_until > open_from)
);
