// As first applied.
CREATE INDEX migration_probe_name IF NOT EXISTS FOR (n:MigrationProbe) ON (n.name);
