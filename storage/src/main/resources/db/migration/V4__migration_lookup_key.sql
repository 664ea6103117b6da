-- What users type for a migration is often its class name (AddIndexFoo) or snake name (add_index_foo):
-- both reduce to the lower-case name without underscores, kept here indexed so a lookup is not a scan.
ALTER TABLE migrations ADD COLUMN lookup_key VARCHAR;
UPDATE migrations SET lookup_key = REPLACE(LOWER(name), '_', '');
CREATE INDEX migrations_by_lookup_key ON migrations (lookup_key);
