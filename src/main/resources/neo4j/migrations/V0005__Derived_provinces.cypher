// The provinces every region, organisation, department and major lies in, for graphs written before the
// projector derived them (dataset.BundleWriter#DERIVE_PROVINCES keeps them current since). Reads compare
// these lists instead of walking PART_OF* ("support from outside the province"). Running it again
// computes the same values.
MATCH (m)
WHERE m:Region OR m:Organization OR m:Department OR m:Major
SET m.provinces = COLLECT {
  CALL (m) {
    MATCH (m)-[:PART_OF*0..]->(p:Region) WHERE m:Region AND NOT EXISTS { (p)-[:PART_OF]->(:Region) }
    RETURN p.id AS province
    UNION
    MATCH (m)<-[:HAS_DEPARTMENT|OFFERS*0..2]-(:Organization)-[:LOCATED_IN]->(:Region)-[:PART_OF*0..]->(p:Region)
    WHERE NOT EXISTS { (p)-[:PART_OF]->(:Region) }
    RETURN p.id AS province
  }
  RETURN province ORDER BY province
}
