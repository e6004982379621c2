// Relationships are merged and looked up by their business id (partnerships are addressable).
CREATE INDEX member_of_id IF NOT EXISTS FOR ()-[r:MEMBER_OF]-() ON (r.id);
CREATE INDEX secretariat_of_id IF NOT EXISTS FOR ()-[r:SECRETARIAT_OF]-() ON (r.id);
CREATE INDEX paired_with_id IF NOT EXISTS FOR ()-[r:PAIRED_WITH]-() ON (r.id);
CREATE INDEX supports_id IF NOT EXISTS FOR ()-[r:SUPPORTS]-() ON (r.id);
CREATE INDEX co_builds_id IF NOT EXISTS FOR ()-[r:CO_BUILDS]-() ON (r.id);
CREATE INDEX party_to_id IF NOT EXISTS FOR ()-[r:PARTY_TO]-() ON (r.id);
CREATE INDEX hosts_id IF NOT EXISTS FOR ()-[r:HOSTS]-() ON (r.id);
CREATE INDEX runs_id IF NOT EXISTS FOR ()-[r:RUNS]-() ON (r.id);
CREATE INDEX responsible_for_id IF NOT EXISTS FOR ()-[r:RESPONSIBLE_FOR]-() ON (r.id);
CREATE INDEX targets_id IF NOT EXISTS FOR ()-[r:TARGETS]-() ON (r.id);
CREATE INDEX participated_in_id IF NOT EXISTS FOR ()-[r:PARTICIPATED_IN]-() ON (r.id);
CREATE INDEX part_of_id IF NOT EXISTS FOR ()-[r:PART_OF]-() ON (r.id);
