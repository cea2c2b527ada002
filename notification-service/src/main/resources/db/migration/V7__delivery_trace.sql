-- The W3C trace context (traceparent) of the processing that raised a delivery's alert, so that the delivery's call
-- continues that trace; NULL when tracing is off.
ALTER TABLE delivery ADD COLUMN traceparent TEXT;
