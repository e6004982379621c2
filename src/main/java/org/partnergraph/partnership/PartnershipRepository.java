package org.partnergraph.partnership;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;

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

    /**
     * Every partnership of the organisation in {@code o}, in the roles {@code $role} asks for: support it
     * or its departments and majors receive, and support it gives. Yields {@code partnership} maps; rows
     * without a supporter (a department nobody owns) are dropped later.
     */
    static final String PARTNERSHIPS_OF = """
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
            """;

    /**
     * A page of {@link #PARTNERSHIPS_OF} for the organisation in variable {@code o}, as one expression: a
     * map {@code {total, rows}}, rows filtered by {@code $kinds} (null: all), sorted by {@code sort} then id,
     * after the keyset ({@code $afterKey}, {@code $afterId}), at most {@code $limit}. Each row is the
     * partnership map with its sort {@code key}, and {@code supporter}/{@code supported} as {@code project}
     * renders them from the variables it is given (supporter node, supported node). Variable names come
     * from {@code fresh}, so the expression can be nested inside another one (partners of partners).
     */
    static String partnersPage(String o, PartnershipSort sort, UnaryOperator<String> fresh,
            BiFunction<String, String, String[]> project) {
        String p = fresh.apply("p");
        String k = fresh.apply("k");
        String all = fresh.apply("all");
        String total = fresh.apply("total");
        String page = fresh.apply("page");
        String x = fresh.apply("x");
        String row = fresh.apply("row");
        String key = fresh.apply("key");
        String supporter = fresh.apply("supporter");
        String supported = fresh.apply("supported");
        String sortKey = switch (sort) {
            case ID -> p + ".id";
            case SINCE, SINCE_DESC -> "coalesce(" + p + ".since, '')";
            case PARTNER_NAME -> "CASE WHEN " + p + ".supporter.id = " + o + ".id THEN " + p + ".supported.name ELSE "
                    + p + ".supporter.name END";
        };
        // Unknown dates go last in both directions: '' sorts first ascending, so ascending uses a high sentinel.
        if (sort == PartnershipSort.SINCE) {
            sortKey = "coalesce(" + p + ".since, '~')";
        }
        boolean descending = sort == PartnershipSort.SINCE_DESC;
        String after = descending
                ? x + ".k < $afterKey OR (" + x + ".k = $afterKey AND " + x + ".p.id > $afterId)"
                : x + ".k > $afterKey OR (" + x + ".k = $afterKey AND " + x + ".p.id > $afterId)";
        String[] ends = project.apply(supporter, supported);
        return """
                COLLECT {
                  CALL (%1$s) {
                    WITH %1$s AS o
                    CALL {
                %2$s
                    }
                    RETURN partnership AS %3$s
                  }
                  WITH DISTINCT %3$s WHERE %3$s.supporter IS NOT NULL AND ($kinds IS NULL OR %3$s.kind IN $kinds)
                  WITH %3$s, %4$s AS %5$s ORDER BY %5$s %6$s, %3$s.id
                  WITH collect({p: %3$s, k: %5$s}) AS %7$s
                  WITH size(%7$s) AS %8$s, [%9$s IN %7$s WHERE $afterKey IS NULL OR %10$s][0..$limit] AS %11$s
                  RETURN {total: %8$s, rows: COLLECT {
                    UNWIND %11$s AS %9$s
                    WITH %9$s.p AS %12$s, %9$s.k AS %13$s
                    WITH %12$s, %13$s, %12$s.supporter AS %14$s, %12$s.supported AS %15$s
                    RETURN %12$s {.id, .kind, .since, .until, .endReason, .scheme, .sources, .quotes, .impliedFlags,
                                  .through, key: %13$s, supporter: %16$s, supported: %17$s}
                  }}
                }[0]""".formatted(o, PARTNERSHIPS_OF, p, sortKey, k, descending ? "DESC" : "ASC", all, total, x, after,
                page, row, key, supporter, supported, ends[0], ends[1]);
    }

    /** Partnerships of many organisations at once, each paged, with its total counted here. */
    static String partnersOfOrganizations(PartnershipSort sort) {
        return "UNWIND $ids AS oid\nMATCH (org:Organization {id: oid})\nRETURN oid AS id, "
                + partnersPage("org", sort, UnaryOperator.identity(), (s, t) -> new String[] {s, t}) + " AS page";
    }

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
    Map<String, PartnershipConnection> partnersOf(List<String> ids, PartnersQuery query) {
        Map<String, Object> parameters = new HashMap<>(query.parameters());
        parameters.put("ids", ids);
        Map<String, PartnershipConnection> pages = new HashMap<>();
        graph.readList(partnersOfOrganizations(query.sort()), parameters,
                r -> pages.put(r.get("id").asString(), query.connection(r.get("page"), Partnership::from)));
        for (String id : ids) {
            pages.putIfAbsent(id, query.connection(null, Partnership::from));
        }
        return pages;
    }

    static List<Partnership> list(Value rows) {
        return rows.asList(Partnership::from);
    }
}
