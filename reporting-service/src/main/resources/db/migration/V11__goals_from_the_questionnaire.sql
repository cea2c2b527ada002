-- Which goals exist is the questionnaire's to say, not the schema's: questionnaire version 1 has the Monitor's goals
-- 1-10, version 2 (the BMC 2015 points of attention) 1-11. The projections accept the goals of the event's
-- questionnaire; the tables keep only that a goal number is positive.
ALTER TABLE municipality_goal_score DROP CONSTRAINT municipality_goal_score_goal_check,
    ADD CONSTRAINT municipality_goal_score_goal_check CHECK (goal >= 1);
ALTER TABLE submission_goal DROP CONSTRAINT submission_goal_goal_check,
    ADD CONSTRAINT submission_goal_goal_check CHECK (goal >= 1);
