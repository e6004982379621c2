CREATE CONSTRAINT migration_probe_id IF NOT EXISTS FOR (n:MigrationProbe) REQUIRE n.id IS UNIQUE;
