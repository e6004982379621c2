// The CJK analyser indexes Chinese as overlapping bigrams, so a part of a name (喀什理工) or a
// short name (楚雄医专, kept in aliasText) finds the full official name.
CREATE FULLTEXT INDEX entity_names IF NOT EXISTS
FOR (n:Organization|Region|Department|Major|Programme|Agreement|Event)
ON EACH [n.name, n.aliasText, n.nameEn]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'cjk' } };
