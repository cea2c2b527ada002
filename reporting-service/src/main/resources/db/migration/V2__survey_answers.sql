-- reporting-service read model of the ANSWERS of the current assessment version of each municipality per year,
-- projected from survey-submitted, for the frequency tables of the report (Tabel 4.1-4.12). One row per
-- municipality and year; a submission replaces the stored one only when it is not older, ordered by
-- (version, submitted_at). Region and size class are copied from the reference data when projected.
CREATE TABLE municipality_submission (
    municipality          TEXT        NOT NULL,
    year                  INTEGER     NOT NULL,
    region                TEXT        NOT NULL,
    size_class            INTEGER     NOT NULL CHECK (size_class BETWEEN 1 AND 5),
    submission_id         UUID        NOT NULL,
    version               INTEGER     NOT NULL,
    questionnaire_version INTEGER     NOT NULL,
    submitted_at          TIMESTAMPTZ NOT NULL,
    grade_past            INTEGER,
    grade_current         INTEGER,
    grade_expected        INTEGER,
    event_id              TEXT        NOT NULL,
    updated_at            TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (municipality, year)
);

CREATE INDEX municipality_submission_by_region ON municipality_submission (year, region);

-- Per answered goal: inclusion in policy (borging), whether measures are deployed, insight into reach. Region and
-- size class repeated from the submission so the frequency tables group this table alone.
CREATE TABLE submission_goal (
    municipality     TEXT    NOT NULL,
    year             INTEGER NOT NULL,
    region           TEXT    NOT NULL,
    size_class       INTEGER NOT NULL,
    goal             INTEGER NOT NULL CHECK (goal BETWEEN 1 AND 10),
    inclusion        TEXT    NOT NULL,
    deploys_measures BOOLEAN NOT NULL,
    reach_insight    BOOLEAN NOT NULL,
    PRIMARY KEY (municipality, year, goal),
    FOREIGN KEY (municipality, year) REFERENCES municipality_submission (municipality, year) ON DELETE CASCADE
);

CREATE INDEX submission_goal_by_goal ON submission_goal (year, goal);

-- Every measure option chosen, per goal and category (including "geen onderdeel van beleid" and "Anders"); region
-- and size class repeated as in submission_goal.
CREATE TABLE submission_option (
    municipality TEXT    NOT NULL,
    year         INTEGER NOT NULL,
    region       TEXT    NOT NULL,
    size_class   INTEGER NOT NULL,
    goal         INTEGER NOT NULL,
    category     TEXT    NOT NULL,
    option       TEXT    NOT NULL,
    PRIMARY KEY (municipality, year, goal, category, option),
    FOREIGN KEY (municipality, year) REFERENCES municipality_submission (municipality, year) ON DELETE CASCADE
);

CREATE INDEX submission_option_by_goal ON submission_option (year, goal);

-- Every option chosen in the extra questions of Bijlage 2 (multiple choice, single choice and yes/no alike).
CREATE TABLE submission_extra_choice (
    municipality TEXT    NOT NULL,
    year         INTEGER NOT NULL,
    question     TEXT    NOT NULL,
    option       TEXT    NOT NULL,
    PRIMARY KEY (municipality, year, question, option),
    FOREIGN KEY (municipality, year) REFERENCES municipality_submission (municipality, year) ON DELETE CASCADE
);
