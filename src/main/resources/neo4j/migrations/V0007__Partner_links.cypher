// Who partners whom as organisation-level links (partnership.PartnerLinks), for graphs written before the
// projector kept them (dataset.BundleWriter writes them with every change since). Partner lists without link
// details read these instead of walking departments, programmes and provinces. The statement is
// PartnerLinks.DERIVE for every organisation (PartnerLinksTest checks the two agree). Running it again
// changes nothing (MERGE).
MATCH (o:Organization)
CALL (o) {
  MATCH (o)-[:HAS_DEPARTMENT|OFFERS*0..2]->()-[r:PAIRED_WITH|SUPPORTS|CO_BUILDS]->(x)
  RETURN o AS giver, x AS receiver, type(r) AS kind
  UNION
  MATCH (o)-[:HAS_DEPARTMENT|OFFERS*0..2]->()<-[r:PAIRED_WITH|SUPPORTS|CO_BUILDS]-(x)
  RETURN x AS giver, o AS receiver, type(r) AS kind
  UNION
  MATCH (o)-[:RUNS]->(:Programme)-[:TARGETS]->(target)
  WITH o AS s, target
  WHERE NOT any(province IN coalesce(s.provinces, []) WHERE province IN coalesce(target.provinces, []))
  RETURN s AS giver, target AS receiver, 'PROGRAMME' AS kind
  UNION
  MATCH (o)-[:HAS_DEPARTMENT|OFFERS*0..2]->(target)<-[:TARGETS]-(:Programme)<-[:RUNS]-(s:Organization)
  WHERE NOT any(province IN coalesce(s.provinces, []) WHERE province IN coalesce(target.provinces, []))
  RETURN s AS giver, o AS receiver, 'PROGRAMME' AS kind
}
WITH DISTINCT giver, receiver, kind
WITH CASE WHEN giver:Organization THEN giver
     ELSE COLLECT { MATCH (owner:Organization)-[:HAS_DEPARTMENT|OFFERS*1..2]->(giver) RETURN owner LIMIT 1 }[0]
     END AS a, CASE WHEN receiver:Organization THEN receiver
     ELSE COLLECT { MATCH (owner:Organization)-[:HAS_DEPARTMENT|OFFERS*1..2]->(receiver) RETURN owner LIMIT 1 }[0]
     END AS b, kind
WITH DISTINCT a, b, kind
WHERE a IS NOT NULL AND b IS NOT NULL AND a <> b
FOREACH (_ IN CASE WHEN kind = 'PAIRED_WITH' THEN [1] ELSE [] END | MERGE (a)-[:PARTNER_PAIRED_WITH]->(b))
FOREACH (_ IN CASE WHEN kind = 'SUPPORTS' THEN [1] ELSE [] END | MERGE (a)-[:PARTNER_SUPPORTS]->(b))
FOREACH (_ IN CASE WHEN kind = 'CO_BUILDS' THEN [1] ELSE [] END | MERGE (a)-[:PARTNER_CO_BUILDS]->(b))
FOREACH (_ IN CASE WHEN kind = 'PROGRAMME' THEN [1] ELSE [] END | MERGE (a)-[:PARTNER_PROGRAMME]->(b))
;
