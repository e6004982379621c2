// Filters that list pages use: organisations by kind, programmes by year and category.
CREATE INDEX organization_kind IF NOT EXISTS FOR (n:Organization) ON (n.kind);
CREATE INDEX programme_year IF NOT EXISTS FOR (n:Programme) ON (n.year);
CREATE INDEX programme_category IF NOT EXISTS FOR (n:Programme) ON (n.category);
CREATE INDEX region_level IF NOT EXISTS FOR (n:Region) ON (n.level);
