-- Every submission is validated against the questionnaire its year answers (SubmissionRepository.questionnaireOfYear:
-- that of the year's first submission): without this index each one read the whole table, a cost that grew with every
-- stored version. The questionnaire version is included, so the lookup reads the index alone.
CREATE INDEX submission_by_year ON submission (year, submitted_at) INCLUDE (questionnaire_version);
