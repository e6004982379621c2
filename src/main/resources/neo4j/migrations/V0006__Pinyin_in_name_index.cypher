// Forgiving search: the name index also covers the pinyin and initials that dataset.BundleWriter derives
// from names and short names (namePinyin, aliasPinyin, nameInitials; see search.SearchNames). A full-text
// index cannot change its properties, so it is dropped and created again; it fills in the background.
// Nodes written before the writer derived these properties get them from search.PinyinBackfill at start:
// Cypher has no Han-Latin transliterator, and the values must be the writer's own.
DROP INDEX entity_names IF EXISTS;
CREATE FULLTEXT INDEX entity_names IF NOT EXISTS
FOR (n:Organization|Region|Department|Major|Programme|Agreement|Event)
ON EACH [n.name, n.aliasText, n.nameEn, n.namePinyin, n.aliasPinyin, n.nameInitials]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'cjk' } };
