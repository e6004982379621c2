package org.partnergraph.timeline;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.neo4j.driver.Value;
import org.partnergraph.common.Page;
import org.partnergraph.graph.Graph;
import org.partnergraph.node.Node;
import org.partnergraph.node.Nodes;
import org.partnergraph.organization.Organization;
import org.partnergraph.partnership.Partnership;
import org.partnergraph.partnership.PartnershipRow;

/**
 * The timeline statement: every dated event, programme, agreement and stated status that matches, gathered in
 * one pass, ordered, counted and paged in Neo4j. The read planner inserts its projections of the entries'
 * nodes and partnership ends; the resolver path (planner off) runs the same text with the nodes returned whole.
 */
@ApplicationScoped
public class TimelineRepository {

    /** The first day a stored partial date can mean, as text (YYYY-MM-DD compares as text). */
    private static final String FIRST_DAY = "left(%s + '-01-01', 10)";
    /** The last day it can mean, as text: an upper bound (YYYY-02-31 sorts after every day of February). */
    private static final String LAST_DAY = "CASE size(%1$s) WHEN 4 THEN %1$s + '-12-31' WHEN 7 THEN %1$s + '-31' ELSE %1$s END";

    /**
     * What a filter names, gathered once before the entries: the organisation with its departments and majors
     * ({@code involved}), and the region with its sub-regions (%s: the PART_OF bound), what is located there and
     * their departments and majors ({@code places}). Each entry is then tested against these lists, instead of
     * walking from every entry to the region (seconds, on the curated dataset already).
     */
    private static final String INVOLVED = """
            WITH %s COLLECT { MATCH (:Organization {id: $organizationId})-[:HAS_DEPARTMENT|OFFERS*0..2]->(d)
                              RETURN DISTINCT d } AS involved
            """;
    private static final String PLACES = """
            WITH %1$s COLLECT { MATCH (:Region {id: $regionId})<-[:PART_OF%2$s]-(r:Region) RETURN r } AS regions
            WITH %1$s regions + COLLECT { UNWIND regions AS r MATCH (r)<-[:LOCATED_IN]-(o) RETURN o } AS located
            WITH %1$s located + COLLECT { UNWIND located AS o MATCH (o)-[:HAS_DEPARTMENT|OFFERS*1..2]->(d) RETURN d } AS places
            """;
    /**
     * A node {@code x} involves the organisation when any relationship joins them (RUNS, HOSTS, RESPONSIBLE_FOR,
     * PARTICIPATED_IN, TARGETS, PARTY_TO: every link between these kinds and an organisation is one of taking part);
     * it is in the region when it is located there or linked to a place there.
     */
    private static final String NODE_INVOLVES = "EXISTS { UNWIND involved AS p MATCH (x)--(p) }";
    private static final String NODE_IN_REGION = "(x IN places OR EXISTS { MATCH (x)--(p) WHERE p IN places })";
    /** The same for a partnership: by its ends. */
    private static final String ENDS_INVOLVE = "(a IN involved OR x IN involved)";
    private static final String ENDS_IN_REGION = "(a IN places OR x IN places)";

    /**
     * Every stated status of %s, one row each with its index n in the order recorded, its
     * date, status and citations (see StatusStatement for the stored form); undated ones are not listed. WITH *
     * keeps what the CALL imports (the filters' lists) for the conditions that follow. A graph
     * written before histories were kept has the one status: n = -1, read from the status properties. The first
     * statement's entry keeps the id it always had (status~ and the id); later ones add ~n.
     */
    private static final String STATEMENTS = """
              UNWIND CASE WHEN %1$s.statusHistoryStatuses IS NOT NULL THEN range(0, size(%1$s.statusHistoryStatuses) - 1)
                          WHEN %1$s.status IS NOT NULL THEN [-1] ELSE [] END AS n
              WITH *, CASE WHEN n < 0 THEN %1$s.statusDate ELSE %1$s.statusHistoryDates[n] END AS date
              WHERE date IS NOT NULL AND date <> ''
              WITH *,
                   CASE WHEN n < 0 THEN %1$s.status ELSE %1$s.statusHistoryStatuses[n] END AS status,
                   CASE WHEN n < 0 THEN %1$s.statusSources END AS sources, CASE WHEN n < 0 THEN %1$s.statusQuotes END AS quotes,
                   CASE WHEN n < 0 THEN %1$s.statusImpliedFlags END AS flags,
                   CASE WHEN n >= 0 THEN %1$s.statusHistoryCitations[n] END AS citations
            """;

    /**
     * One union part per kind, each returning the same columns; %s is its conditions. Only the parts and
     * conditions a request asks for are written: a smaller statement is planned sooner, and each combination
     * keeps its own cached plan (Neo4j replans a statement whose parameters change between null and text).
     */
    private static final Map<TimelineEntryKind, String> PARTS = new EnumMap<>(Map.of(
            TimelineEntryKind.EVENT, """
              MATCH (x:Event)
              WITH x, x.date AS date
              WHERE %s
              RETURN 'EVENT' AS kind, x.id AS id, date, x.endDate AS endDate, x.progress AS progress,
                     x.dateQualifier AS dateQualifier, x.endDateQualifier AS endDateQualifier,
                     null AS status, x AS node, null AS partnership, x.sources AS sources, x.quotes AS quotes,
                     x.impliedFlags AS flags, null AS citations
            """,
            TimelineEntryKind.PROGRAMME, """
              MATCH (x:Programme)
              WITH x, coalesce(x.date, toString(x.year)) AS date
              WHERE date IS NOT NULL AND %s
              RETURN 'PROGRAMME' AS kind, x.id AS id, date, x.endDate AS endDate, x.progress AS progress,
                     x.dateQualifier AS dateQualifier, x.endDateQualifier AS endDateQualifier,
                     null AS status, x AS node, null AS partnership, x.sources AS sources, x.quotes AS quotes,
                     x.impliedFlags AS flags, null AS citations
            """,
            TimelineEntryKind.AGREEMENT, """
              MATCH (x:Agreement)
              WITH x, x.date AS date
              WHERE date IS NOT NULL AND %s
              RETURN 'AGREEMENT' AS kind, x.id AS id, date, null AS endDate, null AS progress,
                     null AS dateQualifier, null AS endDateQualifier,
                     null AS status, x AS node, null AS partnership, x.sources AS sources, x.quotes AS quotes,
                     x.impliedFlags AS flags, null AS citations
            """,
            TimelineEntryKind.AGREEMENT_STATUS, """
              MATCH (x:Agreement)
            """ + STATEMENTS.formatted("x") + """
              WHERE %s
              RETURN 'AGREEMENT_STATUS' AS kind, 'status~' + x.id + CASE WHEN n > 0 THEN '~' + n ELSE '' END AS id, date,
                     null AS endDate, null AS progress, null AS dateQualifier, null AS endDateQualifier, status, x AS node,
                     null AS partnership, sources, quotes, flags,
                     citations
            """,
            TimelineEntryKind.PARTNERSHIP_STATUS, """
              MATCH (a)-[r:PAIRED_WITH|SUPPORTS|CO_BUILDS]->(x)
            """ + STATEMENTS.formatted("r") + """
              WHERE %s
              RETURN 'PARTNERSHIP_STATUS' AS kind, 'status~' + r.id + CASE WHEN n > 0 THEN '~' + n ELSE '' END AS id,
                     date, null AS endDate, null AS progress, null AS dateQualifier, null AS endDateQualifier, status,
                     null AS node,
            """ + "         " + PartnershipRow.stated(PartnershipRow.ALL_KEYS, """
                     CASE WHEN a:Organization THEN a
                     ELSE COLLECT { MATCH (owner:Organization)-[:HAS_DEPARTMENT|OFFERS*1..2]->(a) RETURN owner LIMIT 1 }[0] END""",
                    "x", "COLLECT { MATCH (through:Entity {id: r.programme}) RETURN through LIMIT 1 }[0]") + """
             AS partnership,
                     sources, quotes, flags, citations
            """));

    /**
     * Ordered by the first day an entry's date can mean, a year before a month before a day starting that day
     * (the key's last digit), then id; all matching entries are gathered once, so the count and the page come
     * from the same pass. The page's entries are projected by %1$s (node n), %2$s (supporter s) and %3$s
     * (supported t); %8$s are the partnership's keys (all of them).
     */
    private static final String PAGE = """
            WITH kind, id, date, endDate, progress, dateQualifier, endDateQualifier, status, node, partnership, sources,
                 quotes, flags, citations,
                 %4$s + ' ' + CASE size(date) WHEN 4 THEN '1' WHEN 7 THEN '2' ELSE '3' END AS key
            ORDER BY key, id
            WITH collect({key: key, id: id, kind: kind, date: date, endDate: endDate, progress: progress,
                          dateQualifier: dateQualifier, endDateQualifier: endDateQualifier, status: status,
                          node: node, partnership: partnership, sources: sources, quotes: quotes, flags: flags,
                          citations: citations}) AS entries
            RETURN {organizationFound: $organizationId IS NULL OR EXISTS { MATCH (:Organization {id: $organizationId}) },
                    regionFound: $regionId IS NULL OR EXISTS { MATCH (:Region {id: $regionId}) },
                    total: size(entries),
                    rows: COLLECT {
                      UNWIND entries AS e
                      WITH e WHERE $afterKey IS NULL OR e.key > $afterKey OR (e.key = $afterKey AND e.id > $afterId)
                      WITH e ORDER BY e.key, e.id LIMIT $limit
                      WITH e, e.node AS %5$s, e.partnership AS p
                      WITH e, %5$s, p, p.supporter AS %6$s, p.supported AS %7$s
                      RETURN e {.key, .id, .kind, .date, .endDate, .progress, .dateQualifier, .endDateQualifier, .status, .sources, .quotes, .flags, .citations,
                                node: %1$s,
                                partnership: CASE WHEN p IS NULL THEN null
                                             ELSE p {%8$s, supporter: %2$s, supported: %3$s} END}
                    }}""";

    private final Graph graph;

    TimelineRepository(Graph graph) {
        this.graph = graph;
    }

    /**
     * The statement's text, ending in {@code RETURN {…}} without a column name; {@code n}, {@code s} and
     * {@code t} are the variables the projections read.
     */
    static String statement(TimelineQuery query, String node, String supporter, String supported, String n, String s,
            String t) {
        List<String> scope = new ArrayList<>();
        StringBuilder prelude = new StringBuilder();
        if (query.filter().organizationId() != null) {
            prelude.append(INVOLVED.formatted(carried(scope)));
            scope.add("involved");
        }
        if (query.filter().regionId() != null) {
            prelude.append(PLACES.formatted(carried(scope), query.subregions() ? "*0.." : "*0..0"));
            scope.add("places");
        }
        List<String> parts = new ArrayList<>();
        for (TimelineEntryKind kind : query.kinds()) {
            boolean partnership = kind == TimelineEntryKind.PARTNERSHIP_STATUS;
            List<String> conditions = new ArrayList<>();
            if (query.fromDay() != null) {
                // The date's last day (an entry that spans a period: its end's) is not before the range.
                String last = kind == TimelineEntryKind.EVENT || kind == TimelineEntryKind.PROGRAMME
                        ? "coalesce(x.endDate, date)" : "date";
                conditions.add(LAST_DAY.formatted(last) + " >= $from");
            }
            if (query.toDay() != null) {
                conditions.add(FIRST_DAY.formatted("date") + " <= $to");
            }
            if (query.filter().organizationId() != null) {
                conditions.add(partnership ? ENDS_INVOLVE : NODE_INVOLVES);
            }
            if (query.filter().regionId() != null) {
                conditions.add(partnership ? ENDS_IN_REGION : NODE_IN_REGION);
            }
            parts.add(PARTS.get(kind).formatted(conditions.isEmpty() ? "true" : String.join("\n                AND ", conditions)));
        }
        return prelude + "CALL (" + String.join(", ", scope) + ") {\n" + String.join("  UNION ALL\n", parts) + "}\n"
                + PAGE.formatted(node, supporter, supported, FIRST_DAY.formatted("date"), n, s, t, PartnershipRow.ALL);
    }

    /** The variables a WITH carries on, each followed by a comma. */
    private static String carried(List<String> scope) {
        return scope.stream().map(v -> v + ", ").reduce("", String::concat);
    }

    /** The resolver path: the same statement, nodes returned whole. */
    Page<TimelineEntry> page(TimelineQuery query) {
        String cypher = statement(query, "n {.*, __labels: labels(n)}", "s {.*}", "t {.*, __labels: labels(t)}", "n", "s",
                "t") + " AS timeline";
        Value value = graph.readSingle(cypher, query.parameters(), r -> r.get("timeline")).orElseThrow();
        return read(query, value, TimelineRepository::node,
                row -> Partnership.from(row, Organization::from, v -> node(v)));
    }

    static Page<TimelineEntry> read(TimelineQuery query, Value value, Function<Value, Node> node,
            Function<Value, Partnership> partnership) {
        query.checkFound(value.get("organizationFound").asBoolean(), value.get("regionFound").asBoolean());
        List<TimelineEntry> rows = value.get("rows").asList(row -> TimelineEntry.from(row, node, partnership));
        return new Page<>(rows, value.get("total").asInt(), query.page());
    }

    private static Node node(Value value) {
        return value == null || value.isNull() ? null
                : Nodes.from(value, value.get("__labels").asList(Value::asString)).orElse(null);
    }
}
