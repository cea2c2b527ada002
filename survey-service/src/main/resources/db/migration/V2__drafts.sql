-- survey-service: the draft a municipality's respondents are filling in for a year (the questionnaire web app).
-- Not published, not scored; "Indienen" stores it as the next submission version. version counts the saves, so a
-- save based on an older one is refused (409) instead of overwriting a colleague's answers.
CREATE TABLE draft (
    municipality           TEXT        NOT NULL,
    year                   INTEGER     NOT NULL,
    version                INTEGER     NOT NULL,
    questionnaire_version  INTEGER     NOT NULL,
    answers                JSONB       NOT NULL,  -- goals and extras as far as answered, not validated
    updated_at             TIMESTAMPTZ NOT NULL,
    updated_by             TEXT        NOT NULL,
    submitted_version      INTEGER,               -- the submission version "Indienen" last made of it
    submitted_at           TIMESTAMPTZ,
    PRIMARY KEY (municipality, year)
);
