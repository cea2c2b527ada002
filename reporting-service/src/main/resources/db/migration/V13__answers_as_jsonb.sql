-- A lean write model of the answers (issue 10): an assessment's chosen measure options and extra choices become one
-- JSONB value on the rows that already exist, instead of some 42 submission_option rows and a few
-- submission_extra_choice rows per assessment. The reports unnest them with jsonb_array_elements_text / jsonb_each.
--
-- submission_goal.options: every option chosen for the goal (incl. "geen onderdeel van beleid" and "Anders"), each
-- once, as "<category id>/<option id>": ["subsidy-conditions/attention-officer", ...]. Flat on purpose: the measures
-- report counts it over every goal of two years, and one array per goal unnests in about half the time of an object
-- of arrays per category (ids never hold a '/': they are kebab-case).
-- municipality_submission.extra_choices: per extra question of Bijlage 2 the options chosen (multiple choice, single
-- choice and yes/no alike), each once: {"<question>": ["<option>", ...], ...}; a question not answered is left out,
-- so a key means the municipality answered the question.
ALTER TABLE submission_goal ADD COLUMN options JSONB NOT NULL DEFAULT '[]';
ALTER TABLE municipality_submission ADD COLUMN extra_choices JSONB NOT NULL DEFAULT '{}';

-- The rows a deployed database holds, converted (the order of the options carries no meaning).
UPDATE submission_goal g SET options = o.options
FROM (SELECT municipality, year, goal, jsonb_agg(category || '/' || option ORDER BY category, option) AS options
      FROM submission_option GROUP BY municipality, year, goal) o
WHERE (g.municipality, g.year, g.goal) = (o.municipality, o.year, o.goal);

UPDATE municipality_submission s SET extra_choices = c.choices
FROM (SELECT municipality, year, jsonb_object_agg(question, chosen) AS choices
      FROM (SELECT municipality, year, question, jsonb_agg(option ORDER BY option) AS chosen
            FROM submission_extra_choice GROUP BY municipality, year, question) q
      GROUP BY municipality, year) c
WHERE (s.municipality, s.year) = (c.municipality, c.year);

-- Every writer states the answers; nothing reads the old tables any more.
ALTER TABLE submission_goal ALTER COLUMN options DROP DEFAULT;
ALTER TABLE municipality_submission ALTER COLUMN extra_choices DROP DEFAULT;
DROP TABLE submission_option;
DROP TABLE submission_extra_choice;
