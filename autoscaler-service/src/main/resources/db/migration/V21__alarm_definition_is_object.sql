-- A definition is PutMetricAlarm's values as a JSON object; a JSON string there (a text parameter cast
-- straight to jsonb) cannot be read back, so such rows are dropped and refused from now on.
DELETE FROM metric_alarm WHERE jsonb_typeof(definition) <> 'object';
ALTER TABLE metric_alarm ADD CONSTRAINT metric_alarm_definition_is_object CHECK (jsonb_typeof(definition) = 'object');
