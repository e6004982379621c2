package org.partnergraph.partnership;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.neo4j.driver.Value;
import org.partnergraph.common.Page;
import org.partnergraph.common.PageRequest;
import org.partnergraph.graph.Graph;

@ApplicationScoped
class PartnershipRepository {

    /**
     * A programme is support only from outside: its implementer is not located in the province of what
     * it targets (a prefecture's own bureau sending its students to Shanghai does not support itself).
     * Expects {@code s} (implementer) and {@code target} bound; bodies with no location pass.
     */
    static final String FROM_OUTSIDE = """
              NOT EXISTS {
                MATCH (s)-[:LOCATED_IN]->(:Region)-[:PART_OF*0..]->(province:Region)
                WHERE NOT EXISTS { (province)-[:PART_OF]->(:Region) }
                  AND (EXISTS { (target)-[:PART_OF*0..]->(province) }
                       OR EXISTS { (target)<-[:HAS_DEPARTMENT|OFFERS*0..2]-(:Organization)-[:LOCATED_IN]->(:Region)
                                   -[:PART_OF*0..]->(province) })
              }
            """;

    /**
     * Everyone who supports {@code target}: explicit support into it (a department's or major's
     * support counts for the organisation that has it), and programmes whose implementer RUNS them
     * and which TARGET it. Expects {@code target} bound; yields {@code partnership} maps.
     */
    static final String SUPPORT_INTO = """
            CALL {
              WITH target
              MATCH (a)-[r:PAIRED_WITH|SUPPORTS|CO_BUILDS]->(target)
              OPTIONAL MATCH (owner:Organization)-[:HAS_DEPARTMENT|OFFERS]->(a)
              WITH target, r, CASE WHEN a:Organization THEN a ELSE owner END AS supporter
              OPTIONAL MATCH (through:Entity {id: r.programme})
              RETURN {id: r.id, kind: type(r), since: r.since, until: r.until, endReason: r.endReason, scheme: r.scheme,
                      sources: r.sources, quotes: r.quotes, impliedFlags: r.impliedFlags,
                      supporter: supporter, supported: target, through: through} AS partnership
              UNION
              WITH target
              MATCH (s:Organization)-[run:RUNS]->(prog:Programme)-[t:TARGETS]->(target)
              WHERE
            """ + FROM_OUTSIDE + """
              RETURN {id: run.id + '~' + t.id, kind: 'PROGRAMME', since: toString(prog.year), until: null,
                      scheme: null, sources: t.sources + run.sources, quotes: t.quotes + run.quotes,
                      impliedFlags: t.impliedFlags + run.impliedFlags,
                      supporter: s, supported: target, through: prog} AS partnership
            }
            """;

    /** Everyone {@code o} supports, itself or through its departments and majors. Expects {@code o} bound. */
    static final String SUPPORT_FROM = """
            CALL {
              WITH o
              MATCH (o)-[:HAS_DEPARTMENT|OFFERS*0..2]->(a)-[r:PAIRED_WITH|SUPPORTS|CO_BUILDS]->(x)
              WITH DISTINCT o, r, x
              OPTIONAL MATCH (through:Entity {id: r.programme})
              RETURN {id: r.id, kind: type(r), since: r.since, until: r.until, endReason: r.endReason, scheme: r.scheme,
                      sources: r.sources, quotes: r.quotes, impliedFlags: r.impliedFlags,
                      supporter: o, supported: x, through: through} AS partnership
              UNION
              WITH o
              MATCH (o)-[run:RUNS]->(prog:Programme)-[t:TARGETS]->(x)
              WITH o, o AS s, run, prog, t, x AS target
              WHERE
            """ + FROM_OUTSIDE + """
              RETURN {id: run.id + '~' + t.id, kind: 'PROGRAMME', since: toString(prog.year), until: null,
                      scheme: null, sources: t.sources + run.sources, quotes: t.quotes + run.quotes,
                      impliedFlags: t.impliedFlags + run.impliedFlags,
                      supporter: o, supported: target, through: prog} AS partnership
            }
            """;

    /**
     * What "supported" means for a subject: a department and its majors; an organisation and its
     * departments and majors; a region, its sub-regions, and every organisation located in them.
     */
    static final String TARGETS_OF_SUBJECT = """
            MATCH (subject:Entity {id: $id})
            CALL {
              WITH subject
              OPTIONAL MATCH (r:Region)-[:PART_OF*0..]->(subject) WHERE subject:Region
              OPTIONAL MATCH (org:Organization)-[:LOCATED_IN]->(r)
              WITH subject, collect(DISTINCT r) + collect(DISTINCT org) AS places
              UNWIND CASE WHEN subject:Region THEN places ELSE [subject] END AS root
              OPTIONAL MATCH (root)-[:HAS_DEPARTMENT|OFFERS*1..2]->(part)
              WITH root, collect(DISTINCT part) AS parts
              UNWIND [root] + parts AS target
              RETURN DISTINCT target
            }
            """;

    static final String SUPPORTERS_OF = TARGETS_OF_SUBJECT + SUPPORT_INTO + """
            WITH DISTINCT partnership WHERE partnership.supporter IS NOT NULL
            RETURN partnership
            ORDER BY partnership.kind, partnership.supporter.name, partnership.id
            LIMIT $limit
            """;

    /** Partnerships of many organisations at once, each paged by id, with its total counted here. */
    static final String PARTNERS_OF_ORGANIZATIONS = """
            UNWIND $ids AS oid
            MATCH (o:Organization {id: oid})
            CALL {
              WITH o
              WITH o WHERE $role IN ['SUPPORTER', 'ANY']
              UNWIND [o] + COLLECT { MATCH (o)-[:HAS_DEPARTMENT|OFFERS*1..2]->(part) RETURN DISTINCT part } AS target
            """ + SUPPORT_INTO + """
              RETURN partnership
              UNION
              WITH o
              WITH o WHERE $role IN ['SUPPORTED', 'ANY']
            """ + SUPPORT_FROM + """
              RETURN partnership
            }
            WITH oid, partnership WHERE partnership.supporter IS NOT NULL
            WITH oid, partnership ORDER BY partnership.id
            WITH oid, collect(DISTINCT partnership) AS partnerships
            RETURN oid AS id, size(partnerships) AS total,
                   [p IN partnerships WHERE $afterId IS NULL OR p.id > $afterId][0..$limit] AS page
            """;

    /** One stated partnership by its id (what createPartnership and endPartnership answer with). */
    static final String PARTNERSHIP_BY_ID = """
            MATCH (a)-[r:PAIRED_WITH|SUPPORTS|CO_BUILDS {id: $id}]->(target)
            OPTIONAL MATCH (owner:Organization)-[:HAS_DEPARTMENT|OFFERS]->(a)
            WITH r, target, CASE WHEN a:Organization THEN a ELSE owner END AS supporter
            OPTIONAL MATCH (through:Entity {id: r.programme})
            RETURN {id: r.id, kind: type(r), since: r.since, until: r.until, endReason: r.endReason, scheme: r.scheme,
                    sources: r.sources, quotes: r.quotes, impliedFlags: r.impliedFlags,
                    supporter: supporter, supported: target, through: through} AS partnership
            """;

    private final Graph graph;

    PartnershipRepository(Graph graph) {
        this.graph = graph;
    }

    List<Partnership> supportersOf(String id, int limit) {
        return graph.readList(SUPPORTERS_OF, Map.of("id", id, "limit", limit),
                r -> Partnership.from(r.get("partnership")));
    }

    Optional<Partnership> byId(String id) {
        return graph.readSingle(PARTNERSHIP_BY_ID, Map.of("id", id), r -> Partnership.from(r.get("partnership")));
    }

    /** One page per organisation id, in one round trip; organisations without partners get an empty page. */
    Map<String, Page<Partnership>> partnersOf(List<String> ids, PartnerRole role, PageRequest page) {
        Map<String, Object> parameters = new HashMap<>(page.parameters());
        parameters.put("ids", ids);
        parameters.put("role", role.name());
        Map<String, Page<Partnership>> pages = new HashMap<>();
        graph.readList(PARTNERS_OF_ORGANIZATIONS, parameters, r -> pages.put(r.get("id").asString(), new Page<>(
                r.get("page").asList(Partnership::from), r.get("total").asInt(), page)));
        for (String id : ids) {
            pages.putIfAbsent(id, new Page<>(List.of(), 0, page));
        }
        return pages;
    }

    static List<Partnership> list(Value rows) {
        return rows.asList(Partnership::from);
    }
}
