-- Issue 28: alerts on indicator figures (threshold-crossed v2). Such an alert has no score, band, score-computed
-- event or submission, and a region's figure no municipality; it carries its indicator part (indicator and Dutch
-- title, period, area, breakdown, threshold, value and previous value) as jsonb, and the series it belongs to
-- (threshold, area, kind of period) so that the crossing back resolves the series' open alert.
ALTER TABLE alert ALTER COLUMN municipality DROP NOT NULL;
ALTER TABLE alert ALTER COLUMN new_score DROP NOT NULL;
ALTER TABLE alert ALTER COLUMN new_band DROP NOT NULL;
ALTER TABLE alert ALTER COLUMN score_event_id DROP NOT NULL;
ALTER TABLE alert ALTER COLUMN submission_id DROP NOT NULL;
ALTER TABLE alert ADD COLUMN indicator JSONB;
ALTER TABLE alert ADD COLUMN indicator_series TEXT;
CREATE INDEX alert_open_indicator ON alert (indicator_series) WHERE state = 'OPEN' AND indicator_series IS NOT NULL;
-- An indicator alert has no score threshold (scope TOTAL/GOAL); threshold_value keeps the indicator threshold's value.
ALTER TABLE alert ALTER COLUMN threshold_scope DROP NOT NULL;
