-- scoring-service: the score of every scored submission (history), newest per municipality and year is current.
CREATE TABLE score (
    id                  UUID             PRIMARY KEY,
    submission_id       UUID             NOT NULL,
    municipality        TEXT             NOT NULL,
    year                INTEGER          NOT NULL,
    submission_version  INTEGER          NOT NULL,
    rules_version       INTEGER          NOT NULL,
    total               DOUBLE PRECISION NOT NULL,
    band                TEXT             NOT NULL,
    goals_answered      INTEGER          NOT NULL,
    goals               TEXT             NOT NULL,  -- per goal borging/inhoud/bereik/total/band, as JSON
    event_id            TEXT             NOT NULL,  -- the score-computed event that published it
    computed_at         TIMESTAMPTZ      NOT NULL,
    CONSTRAINT score_once_per_rules UNIQUE (submission_id, rules_version)
);

CREATE INDEX score_by_municipality ON score (municipality, year DESC, submission_version DESC, computed_at DESC);
