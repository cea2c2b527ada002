-- The read model as last released to respondents and coordinators (issue 25: no differencing by polling). Their
-- aggregates are computed over these copies, which are renewed per year only when at least k municipalities differ
-- from them (new, changed or gone) or the year's wave is closed (service/Releases). Same columns in the same order as
-- the live tables (a release copies with INSERT ... SELECT *): a migration that changes a live table changes its copy.
CREATE TABLE released_municipality_score (LIKE municipality_score INCLUDING ALL);
CREATE TABLE released_municipality_goal_score (LIKE municipality_goal_score INCLUDING ALL);
CREATE TABLE released_municipality_submission (LIKE municipality_submission INCLUDING ALL);
CREATE TABLE released_submission_goal (LIKE submission_goal INCLUDING ALL);
