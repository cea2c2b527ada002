-- reporting-service read model: the CURRENT score of each municipality per year, projected from score-computed.
-- One row per municipality and year; a score replaces the stored one only when it is not older, ordered by
-- (submission_version, rules_version, computed_at), so a late older version never overwrites a newer one.
-- Region and size class are copied from the reference data when projected, so the aggregate reports (means per
-- goal, per size class, per region) are plain GROUP BYs over these two tables; a rebuild re-applies them.
CREATE TABLE municipality_score (
    municipality        TEXT             NOT NULL,
    year                INTEGER          NOT NULL,
    region              TEXT             NOT NULL,
    size_class          INTEGER          NOT NULL CHECK (size_class BETWEEN 1 AND 5),
    submission_id       UUID             NOT NULL,
    submission_version  INTEGER          NOT NULL,
    rules_version       INTEGER          NOT NULL,
    total               DOUBLE PRECISION NOT NULL,
    band                TEXT             NOT NULL,
    goals_answered      INTEGER          NOT NULL,
    computed_at         TIMESTAMPTZ      NOT NULL,
    event_id            TEXT             NOT NULL,  -- the score-computed event this row holds
    revision            INTEGER          NOT NULL,  -- 1 when first stored, +1 each time a newer score replaced it
    updated_at          TIMESTAMPTZ      NOT NULL,
    PRIMARY KEY (municipality, year)
);

CREATE INDEX municipality_score_by_region ON municipality_score (year, region);
CREATE INDEX municipality_score_by_size_class ON municipality_score (year, size_class);

-- The goal scores of the current score, one row per answered goal.
CREATE TABLE municipality_goal_score (
    municipality  TEXT             NOT NULL,
    year          INTEGER          NOT NULL,
    goal          INTEGER          NOT NULL CHECK (goal BETWEEN 1 AND 10),
    borging       DOUBLE PRECISION NOT NULL,
    inhoud        DOUBLE PRECISION NOT NULL,
    bereik        DOUBLE PRECISION NOT NULL,
    total         DOUBLE PRECISION NOT NULL,
    band          TEXT             NOT NULL,
    PRIMARY KEY (municipality, year, goal),
    FOREIGN KEY (municipality, year) REFERENCES municipality_score (municipality, year) ON DELETE CASCADE
);

CREATE INDEX municipality_goal_score_by_goal ON municipality_goal_score (year, goal);
