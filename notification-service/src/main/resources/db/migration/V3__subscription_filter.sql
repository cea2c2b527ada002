-- What a subscription wants to hear about within its region, as JSON (SubscriptionFilter): municipalities,
-- thresholds, direction. NULL: every crossing of the region.
ALTER TABLE subscription ADD COLUMN filter TEXT;
