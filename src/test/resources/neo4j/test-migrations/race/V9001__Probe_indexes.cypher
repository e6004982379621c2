// Many statements, so two runs without the lock would overlap and both apply it.
CREATE INDEX migration_probe_1 IF NOT EXISTS FOR (n:MigrationProbe) ON (n.p1);
CREATE INDEX migration_probe_2 IF NOT EXISTS FOR (n:MigrationProbe) ON (n.p2);
CREATE INDEX migration_probe_3 IF NOT EXISTS FOR (n:MigrationProbe) ON (n.p3);
CREATE INDEX migration_probe_4 IF NOT EXISTS FOR (n:MigrationProbe) ON (n.p4);
CREATE INDEX migration_probe_5 IF NOT EXISTS FOR (n:MigrationProbe) ON (n.p5);
CREATE INDEX migration_probe_6 IF NOT EXISTS FOR (n:MigrationProbe) ON (n.p6);
CREATE INDEX migration_probe_7 IF NOT EXISTS FOR (n:MigrationProbe) ON (n.p7);
CREATE INDEX migration_probe_8 IF NOT EXISTS FOR (n:MigrationProbe) ON (n.p8);
CREATE INDEX migration_probe_9 IF NOT EXISTS FOR (n:MigrationProbe) ON (n.p9);
CREATE INDEX migration_probe_10 IF NOT EXISTS FOR (n:MigrationProbe) ON (n.p10);
CREATE INDEX migration_probe_11 IF NOT EXISTS FOR (n:MigrationProbe) ON (n.p11);
CREATE INDEX migration_probe_12 IF NOT EXISTS FOR (n:MigrationProbe) ON (n.p12);
