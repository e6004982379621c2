package org.partnergraph.organization;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.partnergraph.common.Cursor;
import org.partnergraph.common.Page;
import org.partnergraph.common.PageRequest;
import org.partnergraph.graph.CypherText;
import org.partnergraph.graph.Graph;

@ApplicationScoped
class OrganizationRepository {

    static final String ORGANIZATION_BY_ID = """
            MATCH (o:Organization {id: $id})
            RETURN o
            """;

    /** Binds the filter's anchors (null when not asked for or not found) for FILTER_CONDITIONS. */
    static final String FILTER_ANCHORS = """
            OPTIONAL MATCH (root:Region {id: $regionId})
            OPTIONAL MATCH (group:Organization {id: $memberOfId})
            WITH root, group
            """;

    /**
     * What filter.text asks of an organisation {@code o} (off when $text is null), with the folded forms of
     * search.SearchText: its name or a short name contains the text (in simplified characters), its English
     * name contains it in any case, its pinyin or a short name's has the typed syllables in a row, its initials
     * or a short name's start with the typed letters, or it is what a one-character abbreviation stands for.
     * Only full-text hits are tested (TEXT_ANCHOR), so an English word or a single character is matched from
     * its beginning or end as the index sees it, in every read that uses this filter.
     */
    static final String TEXT_CONDITION = """
            ($text IS NULL OR o.name CONTAINS $text OR any(s IN coalesce(o.shortNames, []) WHERE s CONTAINS $text)
                   OR toLower(coalesce(o.nameEn, '')) CONTAINS $lower
                   OR any(p IN $pinyin WHERE (' ' + coalesce(o.namePinyin, '') + ' ') CONTAINS (' ' + p + ' ')
                          OR any(a IN split(coalesce(o.aliasPinyin, ''), ' / ') WHERE (' ' + a + ' ') CONTAINS (' ' + p + ' ')))
                   OR any(i IN split(coalesce(o.nameInitials, ''), ' ') WHERE i STARTS WITH $initials)
                   OR o.id IN $aliasIds)""";

    /**
     * With filter.text the candidates come from the name index, not from every organisation. WITH * lets a
     * WHERE follow a procedure's YIELD and keeps the filter's anchors (root, group) in scope.
     */
    static final String TEXT_ANCHOR = "CALL db.index.fulltext.queryNodes('entity_names', $query) YIELD node AS o WITH *";

    /**
     * Whether the candidate {@code o} lies in the region {@code root}, then in it or below it. Both walk from the
     * candidate (its one location, then the few levels above it) to a fresh end compared with root. Ending the
     * pattern on root itself plans Expand(Into), which reads each candidate's relationships twice (its degree,
     * then the chain), and under PART_OF* walks root's whole subtree once per candidate: 490 against 228 db hits
     * for an alliance's 12 members on the 100k-school network, and 7,488 against 802 with sub-regions.
     */
    static final String IN_REGION = "EXISTS { (o)-[:LOCATED_IN]->(located:Region) WHERE located = root }";
    static final String IN_REGION_OR_BELOW =
            "EXISTS { (o)-[:LOCATED_IN]->(:Region)-[:PART_OF*0..]->(above) WHERE above = root }";

    /** The filter of organizations(filter) on {@code o}; every condition is off when its parameter is null. */
    static final String FILTER_CONDITIONS = CypherText.fill("""
            o:Organization
              AND ($kinds IS NULL OR o.kind IN $kinds)
              AND ($regionId IS NULL
                   OR ($includeSubregions AND %1$s)
                   OR (NOT $includeSubregions AND %2$s))
              AND ($memberOfId IS NULL OR EXISTS { (o)-[:MEMBER_OF]->(group) })
              AND %3$s
            """, IN_REGION_OR_BELOW, IN_REGION, TEXT_CONDITION);

    static final String COUNT_FILTERED = countFiltered("MATCH (o:Organization)");
    static final String COUNT_FILTERED_BY_TEXT = countFiltered(TEXT_ANCHOR);

    static final String PAGE_BY_NAME = pageByName("MATCH (o:Organization)");
    static final String PAGE_BY_NAME_AND_TEXT = pageByName(TEXT_ANCHOR);

    static final String PAGE_BY_ID = pageById("MATCH (o:Organization)");
    static final String PAGE_BY_ID_AND_TEXT = pageById(TEXT_ANCHOR);

    private static String countFiltered(String anchor) {
        return FILTER_ANCHORS + """
                RETURN root IS NOT NULL AS regionFound, group IS NOT NULL AS groupFound,
                       COUNT { %s WHERE
                """.formatted(anchor) + FILTER_CONDITIONS + """
                       RETURN o } AS total
                """;
    }

    private static String pageByName(String anchor) {
        return FILTER_ANCHORS + anchor + " WHERE " + FILTER_CONDITIONS + """
                  AND ($afterKey IS NULL OR o.name > $afterKey OR (o.name = $afterKey AND o.id > $afterId))
                RETURN o ORDER BY o.name, o.id LIMIT $limit
                """;
    }

    private static String pageById(String anchor) {
        return FILTER_ANCHORS + anchor + " WHERE " + FILTER_CONDITIONS + """
                  AND ($afterId IS NULL OR o.id > $afterId)
                RETURN o ORDER BY o.id LIMIT $limit
                """;
    }

    /** Organisations of many regions at once, each region's page sorted by name, with its total. */
    static final String IN_REGIONS = """
            UNWIND $ids AS id
            MATCH (root:Region {id: id})
            WITH id, COLLECT { MATCH (o:Organization)-[:LOCATED_IN]->(r:Region)
                               WHERE r = root OR ($includeSubregions AND EXISTS { (r)-[:PART_OF*1..]->(root) })
                               RETURN DISTINCT o ORDER BY o.name, o.id } AS located
            WITH id, [o IN located WHERE $kinds IS NULL OR o.kind IN $kinds] AS matching
            RETURN id, size(matching) AS total,
                   [o IN matching WHERE $afterKey IS NULL OR o.name > $afterKey OR (o.name = $afterKey AND o.id > $afterId)
                    | o][0..$limit] AS page
            """;

    static final String KIND_COUNTS_IN_REGIONS = """
            UNWIND $ids AS id
            MATCH (root:Region {id: id})
            CALL {
              WITH root
              MATCH (o:Organization)-[:LOCATED_IN]->(r:Region)
              WHERE r = root OR ($includeSubregions AND EXISTS { (r)-[:PART_OF*1..]->(root) })
              WITH DISTINCT o
              RETURN o.kind AS kind, count(o) AS count
            }
            RETURN id, kind, count ORDER BY count DESC, kind
            """;

    // Batched child fields: one row per child, tagged with its parent's id (Graph.readGrouped).

    static final String REGIONS_OF = """
            UNWIND $ids AS id
            MATCH (:Organization {id: id})-[:LOCATED_IN]->(r:Region)
            RETURN id, r AS node
            """;

    static final String PARENTS_OF = """
            UNWIND $ids AS id
            MATCH (:Organization {id: id})-[:PART_OF]->(p:Organization)
            RETURN id, p AS node
            """;

    static final String SUBUNITS_OF = """
            UNWIND $ids AS id
            MATCH (:Organization {id: id})<-[:PART_OF]-(c:Organization)
            RETURN id, c AS node ORDER BY node.name, node.id
            """;

    static final String MEMBERSHIPS_OF = """
            UNWIND $ids AS id
            MATCH (:Organization {id: id})-[:MEMBER_OF]->(g:Organization)
            RETURN DISTINCT id, g AS node ORDER BY node.name, node.id
            """;

    static final String SECRETARIATS_OF = """
            UNWIND $ids AS id
            MATCH (:Organization {id: id})-[:SECRETARIAT_OF]->(g:Organization)
            RETURN DISTINCT id, g AS node ORDER BY node.name, node.id
            """;

    static final String MEMBERS_OF = """
            UNWIND $ids AS id
            MATCH (g:Organization {id: id})
            RETURN id,
                   COUNT { MATCH (g)<-[:MEMBER_OF]-(m:Organization) RETURN DISTINCT m } AS total,
                   COLLECT { MATCH (g)<-[:MEMBER_OF]-(m:Organization)
                             WITH DISTINCT m
                             WHERE $afterKey IS NULL OR m.name > $afterKey OR (m.name = $afterKey AND m.id > $afterId)
                             RETURN m ORDER BY m.name, m.id LIMIT $limit } AS page
            """;

    static final String DEPARTMENTS_OF = """
            UNWIND $ids AS id
            MATCH (:Organization {id: id})-[:HAS_DEPARTMENT]->(d:Department)
            RETURN id, d AS node ORDER BY node.name, node.id
            """;

    static final String MAJORS_OF = """
            UNWIND $ids AS id
            MATCH (:Organization {id: id})-[:HAS_DEPARTMENT|OFFERS*1..2]->(m:Major)
            RETURN DISTINCT id, m AS node ORDER BY node.name, node.id
            """;

    static final String PROGRAMMES_OF = """
            UNWIND $ids AS id
            MATCH (:Organization {id: id})-[:RUNS|RESPONSIBLE_FOR|HOSTS|PARTICIPATED_IN]->(p:Programme)
            RETURN DISTINCT id, p AS node ORDER BY node.year DESC, node.id
            """;

    static final String AGREEMENTS_OF = """
            UNWIND $ids AS id
            MATCH (:Organization {id: id})-[:PARTY_TO]->(a:Agreement)
            RETURN DISTINCT id, a AS node ORDER BY node.name, node.id
            """;

    static final String STATED_COUNTS_OF = """
            UNWIND $ids AS id
            MATCH (:Entity {id: id})<-[:COUNTS]-(s:StatedCount)
            RETURN id, s AS node ORDER BY node.id
            """;

    private final Graph graph;

    OrganizationRepository(Graph graph) {
        this.graph = graph;
    }

    Optional<Organization> byId(String id) {
        return graph.readSingle(ORGANIZATION_BY_ID, Map.of("id", id), Organization::from);
    }

    record Filtered(boolean regionFound, boolean groupFound, Page<Organization> page) {
    }

    /** Count and page in one read transaction: two statements, both answered by the database. */
    Filtered list(Map<String, Object> filter, OrganizationSort sort, PageRequest page) {
        Map<String, Object> parameters = new HashMap<>(filter);
        parameters.putAll(page.parameters());
        return graph.read(tx -> {
            boolean byText = parameters.get("text") != null;
            Record counts = tx.single(byText ? COUNT_FILTERED_BY_TEXT : COUNT_FILTERED, parameters, r -> r).orElseThrow();
            String pageStatement = sort == OrganizationSort.NAME ? (byText ? PAGE_BY_NAME_AND_TEXT : PAGE_BY_NAME)
                    : (byText ? PAGE_BY_ID_AND_TEXT : PAGE_BY_ID);
            List<Organization> rows = tx.list(pageStatement, parameters, Organization::from);
            return new Filtered(counts.get("regionFound").asBoolean(), counts.get("groupFound").asBoolean(),
                    new Page<>(rows, counts.get("total").asInt(), page));
        });
    }

    static String cursor(Organization o, OrganizationSort sort) {
        return Cursor.of(sort.name(), sort == OrganizationSort.NAME ? o.name() : o.id(), o.id()).encode();
    }

    /** A batched child field: the children of each parent, in request order (empty when none). */
    <T> List<List<T>> childrenOf(String cypher, List<String> ids, Function<Value, T> mapper) {
        return graph.readGrouped(cypher, ids, r -> mapper.apply(r.get("node")));
    }

    Map<String, Page<Organization>> inRegions(List<String> ids, boolean includeSubregions, List<String> kinds,
            PageRequest page) {
        Map<String, Object> parameters = new HashMap<>(page.parameters());
        parameters.put("ids", ids);
        parameters.put("includeSubregions", includeSubregions);
        parameters.put("kinds", kinds);
        Map<String, Page<Organization>> pages = new HashMap<>();
        graph.readList(IN_REGIONS, parameters, r -> pages.put(r.get("id").asString(),
                new Page<>(r.get("page").asList(Organization::from), r.get("total").asInt(), page)));
        return pages;
    }

    Map<String, List<KindCount>> kindCountsInRegions(List<String> ids, boolean includeSubregions) {
        Map<String, List<KindCount>> counts = new HashMap<>();
        graph.readList(KIND_COUNTS_IN_REGIONS, Map.of("ids", ids, "includeSubregions", includeSubregions),
                r -> counts.computeIfAbsent(r.get("id").asString(), k -> new ArrayList<>())
                        .add(new KindCount(OrganizationKind.valueOf(r.get("kind").asString()), r.get("count").asInt())));
        return counts;
    }

    Map<String, Page<Organization>> membersOf(List<String> ids, PageRequest page) {
        Map<String, Object> parameters = new HashMap<>(page.parameters());
        parameters.put("ids", ids);
        Map<String, Page<Organization>> pages = new HashMap<>();
        graph.readList(MEMBERS_OF, parameters, r -> pages.put(r.get("id").asString(),
                new Page<>(r.get("page").asList(Organization::from), r.get("total").asInt(), page)));
        return pages;
    }
}
