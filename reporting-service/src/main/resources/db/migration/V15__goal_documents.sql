-- The borging answer's documents per answered goal (issue 25: the shares of the documents goals are laid down in,
-- seed 000 §4 "Alle doelstellingen: borging").
-- submission_goal.laid_down: the goal is laid down in a document (only possible when included in policy); NULL on
-- rows projected before V15, which did not keep it (a rebuild, POST /api/admin/read-model/rebuild, or the
-- municipality's next submission fills it; the documents report counts only laid_down = true).
-- submission_goal.documents: the document kinds named (ids of the questionnaire's borging.documentKinds, e.g.
-- ["regional-vision", "implementation-plan"]), each once, [] when not laid down.
-- The released copy (V14) gets the same columns in the same order: a release copies with INSERT ... SELECT *.
ALTER TABLE submission_goal ADD COLUMN laid_down BOOLEAN;
ALTER TABLE submission_goal ADD COLUMN documents JSONB NOT NULL DEFAULT '[]';
ALTER TABLE released_submission_goal ADD COLUMN laid_down BOOLEAN;
ALTER TABLE released_submission_goal ADD COLUMN documents JSONB NOT NULL DEFAULT '[]';
