// Edited after it was applied: the property changed.
CREATE INDEX migration_probe_name IF NOT EXISTS FOR (n:MigrationProbe) ON (n.fullName);
