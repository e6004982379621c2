package org.partnergraph.programme;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.partnergraph.agreement.Agreement;
import org.partnergraph.common.PageRequest;
import org.partnergraph.event.Event;
import org.partnergraph.graph.Graph;
import org.partnergraph.node.Node;
import org.partnergraph.node.Nodes;
import org.partnergraph.organization.Organization;

@ApplicationScoped
class ProgrammeRepository {

    /**
     * A page of programmes and the totals over all of them, in one statement (one round trip, one
     * snapshot, so the totals always agree with the page). Filled in from the fixed fragments below:
     * the region ids step, the filter (twice), and the sort key and direction; values are parameters.
     */
    static final String PROGRAMMES_PAGE = """
            %s
            CALL (regionIds) {
                MATCH (p:Programme)
                WHERE %s
                RETURN count(p) AS totalCount, round(sum(p.fundingWan), 4) AS totalFundingWan
            }
            CALL (regionIds) {
                MATCH (p:Programme)
                WHERE %s
                WITH p, %s AS sortKey
                WHERE $afterId IS NULL OR sortKey %s %s OR (sortKey = %s AND p.id > $afterId)
                WITH p, sortKey
                ORDER BY sortKey %s, p.id
                LIMIT $limit
                RETURN collect({programme: p, sortKey: sortKey}) AS rows
            }
            RETURN totalCount, totalFundingWan, rows,
                   $regionId IS NULL OR size(regionIds) > 0 AS regionFound,
                   $implementerId IS NULL OR EXISTS { (:Organization {id: $implementerId}) } AS implementerFound,
                   $partOfId IS NULL OR EXISTS { (:Programme {id: $partOfId}) } AS partOfFound
            """;

    /** The region and every region inside it, at any depth. */
    static final String REGION_AND_SUBREGIONS = """
            CALL () {
                OPTIONAL MATCH (:Region {id: $regionId})<-[:PART_OF*0..]-(sub:Region)
                RETURN collect(DISTINCT sub.id) AS regionIds
            }""";
    static final String REGION_ONLY = """
            CALL () {
                OPTIONAL MATCH (sub:Region {id: $regionId})
                RETURN collect(sub.id) AS regionIds
            }""";
    static final String NO_REGION = "WITH [] AS regionIds";

    static final String ANY_PROGRAMME = "true";
    /** Targets a region of the set, an organisation located in one, or a department of such an organisation. */
    static final String TARGETS_REGION = """
            EXISTS {
                    MATCH (p)-[:TARGETS]->(target)
                    WHERE (target:Region AND target.id IN regionIds)
                       OR (target:Organization AND EXISTS {
                              (target)-[:LOCATED_IN]->(r:Region) WHERE r.id IN regionIds })
                       OR (target:Department AND EXISTS {
                              (target)<-[:HAS_DEPARTMENT]-(:Organization)-[:LOCATED_IN]->(r:Region)
                              WHERE r.id IN regionIds })
                }""";
    static final String MODE_IN = "p.mode IN $modes";
    static final String CATEGORY_IN = "p.category IN $categories";
    static final String IN_YEAR = "p.year = $year";
    static final String RUN_BY = "EXISTS { (:Organization {id: $implementerId})-[:RUNS]->(p) }";
    static final String PART_OF = "EXISTS { (p)-[:PART_OF]->(:Programme {id: $partOfId}) }";
    static final String NAME_CONTAINS = "toLower(p.name) CONTAINS toLower($text)";

    /**
     * Sort key expression and direction per sort. A missing year or sequence gets a key that puts it last
     * (the importer accepts years 1949-2100 and sequences up to 10,000).
     */
    private record Order(String key, boolean descending) {
    }

    private static final Map<ProgrammeSort, Order> ORDERS = Map.of(
            ProgrammeSort.YEAR_DESC, new Order("coalesce(p.year, -1)", true),
            ProgrammeSort.YEAR, new Order("coalesce(p.year, 10000)", false),
            ProgrammeSort.NAME, new Order("p.name", false),
            ProgrammeSort.SEQUENCE, new Order("coalesce(p.sequence, 1000000)", false));

    // Batched child fields: one statement for all parents, rows tagged with the parent's id.

    static final String PARENTS = """
            UNWIND $ids AS id
            MATCH (:Programme {id: id})-[:PART_OF]->(parent:Programme)
            RETURN DISTINCT id, parent AS node
            ORDER BY node.id
            """;

    static final String PARTS = """
            UNWIND $ids AS id
            MATCH (part:Programme)-[:PART_OF]->(:Programme {id: id})
            RETURN DISTINCT id, part AS node
            ORDER BY node.sequence, node.id
            """;

    static final String IMPLEMENTERS = """
            UNWIND $ids AS id
            MATCH (o:Organization)-[:RUNS]->(:Programme {id: id})
            RETURN DISTINCT id, o AS node
            ORDER BY node.id
            """;

    static final String RESPONSIBLE_OFFICES = """
            UNWIND $ids AS id
            MATCH (o:Organization)-[:RESPONSIBLE_FOR]->(:Programme {id: id})
            RETURN DISTINCT id, o AS node
            ORDER BY node.id
            """;

    static final String HOSTS = """
            UNWIND $ids AS id
            MATCH (o:Organization)-[:HOSTS]->(:Programme {id: id})
            RETURN DISTINCT id, o AS node
            ORDER BY node.id
            """;

    static final String PARTICIPANTS = """
            UNWIND $ids AS id
            MATCH (o:Organization)-[:PARTICIPATED_IN]->(:Programme {id: id})
            RETURN DISTINCT id, o AS node
            ORDER BY node.id
            """;

    static final String TARGETS = """
            UNWIND $ids AS id
            MATCH (:Programme {id: id})-[:TARGETS]->(target)
            WHERE any(label IN labels(target) WHERE label IN $labels)
            RETURN DISTINCT id, target AS node
            ORDER BY node.id
            """;

    static final String EVENTS = """
            UNWIND $ids AS id
            MATCH (e:Event)-[:PART_OF]->(:Programme {id: id})
            RETURN DISTINCT id, e AS node
            ORDER BY node.date, node.id
            """;

    static final String AGREEMENTS = """
            UNWIND $ids AS id
            MATCH (:Programme {id: id})-[:PART_OF]->(a:Agreement)
            RETURN DISTINCT id, a AS node
            ORDER BY node.id
            """;

    /** A programme on a page, with the sort key its cursor carries. */
    record Row(Programme programme, String sortKey) {

        static Row from(Value row) {
            return new Row(Programme.from(row.get("programme")), String.valueOf(row.get("sortKey").asObject()));
        }
    }

    /** A page and the totals over all matches; the found flags say whether the filter's ids exist. */
    record Result(List<Row> rows, int totalCount, double totalFundingWan, boolean regionFound,
            boolean implementerFound, boolean partOfFound) {

        static Result from(Record record) {
            return new Result(record.get("rows").asList(Row::from), record.get("totalCount").asInt(),
                    record.get("totalFundingWan").asDouble(), record.get("regionFound").asBoolean(),
                    record.get("implementerFound").asBoolean(), record.get("partOfFound").asBoolean());
        }
    }

    private final Graph graph;

    ProgrammeRepository(Graph graph) {
        this.graph = graph;
    }

    /** The filter as fixed fragments (the region ids step and the condition on {@code p}) and its parameters. */
    record Filtered(String regionIds, String where, Map<String, Object> parameters) {
    }

    /** Only the fixed fragments above enter the statement; every value from the request is a parameter. */
    static Filtered filtered(ProgrammeQuery query) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("regionId", query.regionId());
        parameters.put("implementerId", query.implementerId());
        parameters.put("partOfId", query.partOfId());
        String regionIds = NO_REGION;
        if (query.regionId() != null) {
            regionIds = query.includeSubregions() ? REGION_AND_SUBREGIONS : REGION_ONLY;
            conditions.add(TARGETS_REGION);
        }
        if (query.modes() != null) {
            conditions.add(MODE_IN);
            parameters.put("modes", query.modes().stream().map(Enum::name).toList());
        }
        if (query.categories() != null) {
            conditions.add(CATEGORY_IN);
            parameters.put("categories", query.categories().stream().map(Enum::name).toList());
        }
        if (query.year() != null) {
            conditions.add(IN_YEAR);
            parameters.put("year", query.year());
        }
        if (query.implementerId() != null) {
            conditions.add(RUN_BY);
        }
        if (query.partOfId() != null) {
            conditions.add(PART_OF);
        }
        if (query.text() != null) {
            conditions.add(NAME_CONTAINS);
            parameters.put("text", query.text());
        }
        String where = conditions.isEmpty() ? ANY_PROGRAMME : String.join("\n      AND ", conditions);
        return new Filtered(regionIds, where, parameters);
    }

    Result page(ProgrammeQuery query, ProgrammeSort sort, PageRequest page) {
        Filtered filtered = filtered(query);
        Map<String, Object> parameters = new HashMap<>(filtered.parameters());
        parameters.putAll(page.parameters());
        Order order = ORDERS.get(sort);
        // Cursor keys travel as text; numeric ones are compared as integers (the service checked they parse).
        String afterKey = sort.numericKey() ? "toInteger($afterKey)" : "$afterKey";
        String cypher = PROGRAMMES_PAGE.formatted(filtered.regionIds(), filtered.where(), filtered.where(), order.key(),
                order.descending() ? "<" : ">", afterKey, afterKey, order.descending() ? "DESC" : "ASC");
        return graph.readSingle(cypher, parameters, Result::from).orElseThrow();
    }

    List<Programme> parents(List<String> ids) {
        return Graph.firstOfEach(graph.readGrouped(PARENTS, ids, r -> Programme.from(r.get("node"))));
    }

    List<List<Programme>> parts(List<String> ids) {
        return graph.readGrouped(PARTS, ids, r -> Programme.from(r.get("node")));
    }

    List<List<Organization>> implementers(List<String> ids) {
        return graph.readGrouped(IMPLEMENTERS, ids, r -> Organization.from(r.get("node")));
    }

    List<List<Organization>> responsibleOffices(List<String> ids) {
        return graph.readGrouped(RESPONSIBLE_OFFICES, ids, r -> Organization.from(r.get("node")));
    }

    List<List<Organization>> hosts(List<String> ids) {
        return graph.readGrouped(HOSTS, ids, r -> Organization.from(r.get("node")));
    }

    List<List<Organization>> participants(List<String> ids) {
        return graph.readGrouped(PARTICIPANTS, ids, r -> Organization.from(r.get("node")));
    }

    List<List<Node>> targets(List<String> ids) {
        return graph.readGrouped(TARGETS, ids, Map.of("labels", Nodes.LABELS), r -> Nodes.fromNode(r.get("node").asNode()));
    }

    List<List<Event>> events(List<String> ids) {
        return graph.readGrouped(EVENTS, ids, r -> Event.from(r.get("node")));
    }

    List<Agreement> agreements(List<String> ids) {
        return Graph.firstOfEach(graph.readGrouped(AGREEMENTS, ids, r -> Agreement.from(r.get("node"))));
    }
}
