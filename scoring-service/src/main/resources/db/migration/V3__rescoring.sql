-- The answers of every scored submission (the survey-submitted data), so that a wave can be rescored under other
-- rules without the survey-service. The current one per municipality and year is the highest version.
CREATE TABLE submission (
    submission_id          UUID        PRIMARY KEY,
    municipality           TEXT        NOT NULL,
    year                   INTEGER     NOT NULL,
    version                INTEGER     NOT NULL,
    questionnaire_version  INTEGER     NOT NULL,
    answers                TEXT        NOT NULL,  -- the survey-submitted data, as JSON
    submitted_at           TIMESTAMPTZ NOT NULL
);

CREATE INDEX submission_by_year ON submission (year, municipality, version DESC);

-- The scoring rules in force per year (wave). A year gets a row, with the latest shipped rules, when its first
-- submission is scored; a rescore changes it. Scoring a submission locks its year's row, so a rescore and the
-- submissions of that year never interleave.
CREATE TABLE rules_in_force (
    year           INTEGER     PRIMARY KEY,
    rules_version  INTEGER     NOT NULL,
    since          TIMESTAMPTZ NOT NULL,
    changed_by     TEXT        NOT NULL
);
