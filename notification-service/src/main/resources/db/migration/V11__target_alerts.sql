-- Issue 28: alerts on a municipality's own targets (threshold-crossed v3). Such an alert has no score, band,
-- score-computed event, score threshold or indicator part; it carries its target part (goal or indicator with its
-- Dutch title, the target's year and value, the result, missed / met / withdrawn) as jsonb, and the series it belongs
-- to (municipality, goal or indicator and breakdown, year) so that the target met again resolves the series' open
-- alert. threshold_value keeps the target's value.
ALTER TABLE alert ADD COLUMN target JSONB;
ALTER TABLE alert ADD COLUMN target_series TEXT;
CREATE INDEX alert_open_target ON alert (target_series) WHERE state = 'OPEN' AND target_series IS NOT NULL;
