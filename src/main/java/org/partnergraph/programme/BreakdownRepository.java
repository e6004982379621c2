package org.partnergraph.programme;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.neo4j.driver.Value;
import org.partnergraph.graph.Graph;
import org.partnergraph.organization.Organization;
import org.partnergraph.programme.ProgrammeBreakdown.Figures;
import org.partnergraph.programme.ProgrammeBreakdown.Group;
import org.partnergraph.programme.ProgrammeRepository.Filtered;
import org.partnergraph.region.Region;

/**
 * Programmes grouped by dimensions in one statement: the filter of {@code programmes} picks them, each
 * dimension gives every programme a short list of values (empty: not assigned), the lists are unwound into
 * groups and counted and summed by Neo4j. Only the fixed fragments below enter the statement.
 */
@ApplicationScoped
class BreakdownRepository {

    /** Where a target lies: itself for a region, its location for an organisation or a department's organisation. */
    private static final String PLACES = """
            COLLECT {
                  MATCH (p)-[:TARGETS]->(target)
                  CALL (target) {
                    MATCH (target:Region) RETURN target AS place
                    UNION
                    MATCH (target:Organization)-[:LOCATED_IN]->(place:Region) RETURN place
                    UNION
                    MATCH (target:Department)<-[:HAS_DEPARTMENT]-(:Organization)-[:LOCATED_IN]->(place:Region) RETURN place
                  }
                  MATCH (place)-[:PART_OF*0..]->(r:Region) WHERE %s
                  RETURN DISTINCT r
                }""";

    /** Each dimension's values for the programme in {@code p}, as a list (distinct; empty when none). */
    private static final Map<ProgrammeDimension, String> VALUES = Map.of(
            ProgrammeDimension.PROVINCE, PLACES.formatted("r.level = 'PROVINCE'"),
            ProgrammeDimension.PREFECTURE, PLACES.formatted("r.level = 'PREFECTURE'"),
            ProgrammeDimension.COUNTY, PLACES.formatted("r.level IN ['COUNTY', 'DISTRICT']"),
            ProgrammeDimension.YEAR, "CASE WHEN p.year IS NULL THEN [] ELSE [p.year] END",
            ProgrammeDimension.MODE, "CASE WHEN p.mode IS NULL THEN [] ELSE [p.mode] END",
            ProgrammeDimension.CATEGORY, "CASE WHEN p.category IS NULL THEN [] ELSE [p.category] END",
            ProgrammeDimension.IMPLEMENTER, "COLLECT { MATCH (s:Organization)-[:RUNS]->(p) RETURN DISTINCT s }",
            ProgrammeDimension.ALLIANCE, """
                    COLLECT { MATCH (p)<-[:RUNS]-(:Organization)-[:MEMBER_OF*0..1]->(a:Organization {kind: 'ALLIANCE'})
                              RETURN DISTINCT a }""");

    /**
     * Totals over the distinct programmes, then the groups: every programme once per combination of its
     * dimensions' values (a missing value is one null), so a programme is counted at most once per group.
     */
    static final String BREAKDOWN = """
            %1$s
            CALL (regionIds) {
                MATCH (p:Programme)
                WHERE %2$s
                RETURN {programmes: count(p), fundingWan: round(coalesce(sum(p.fundingWan), 0), 4),
                        withFunding: count(p.fundingWan), participants: coalesce(sum(p.participants), 0),
                        withParticipants: count(p.participants)} AS total
            }
            CALL (regionIds) {
                MATCH (p:Programme)
                WHERE %2$s
                WITH p, %3$s
            %4$s
                WITH %5$s, count(p) AS programmes, round(coalesce(sum(p.fundingWan), 0), 4) AS fundingWan,
                     count(p.fundingWan) AS withFunding, coalesce(sum(p.participants), 0) AS participants,
                     count(p.participants) AS withParticipants
                WITH %5$s, programmes, fundingWan, withFunding, participants, withParticipants
                ORDER BY %6$s
                RETURN collect({keys: [%5$s], figures: {programmes: programmes, fundingWan: fundingWan,
                        withFunding: withFunding, participants: participants, withParticipants: withParticipants}})
                       AS groups
            }
            RETURN total, size(groups) AS groupCount, groups[0..$first] AS groups,
                   reduce(n = 0, g IN groups | n + g.figures.programmes) > total.programmes AS multiCounted,
                   $regionId IS NULL OR size(regionIds) > 0 AS regionFound,
                   $implementerId IS NULL OR EXISTS { (:Organization {id: $implementerId}) } AS implementerFound,
                   $partOfId IS NULL OR EXISTS { (:Programme {id: $partOfId}) } AS partOfFound
            """;

    private final Graph graph;

    BreakdownRepository(Graph graph) {
        this.graph = graph;
    }

    static String statement(Filtered filtered, List<ProgrammeDimension> dimensions) {
        List<String> lists = new ArrayList<>();
        List<String> unwinds = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        List<String> order = new ArrayList<>();
        for (int i = 0; i < dimensions.size(); i++) {
            ProgrammeDimension dimension = dimensions.get(i);
            lists.add(VALUES.get(dimension) + " AS values" + i);
            unwinds.add("    UNWIND CASE WHEN size(values%1$d) = 0 THEN [null] ELSE values%1$d END AS key%1$d"
                    .formatted(i));
            keys.add("key" + i);
            // Not assigned last; nodes by name then id, values as they sort.
            order.add("key%d IS NULL".formatted(i));
            if (isNode(dimension)) {
                order.add("key%1$d.name, key%1$d.id".formatted(i));
            } else {
                order.add("key" + i);
            }
        }
        return BREAKDOWN.formatted(filtered.regionIds(), filtered.where(), String.join(", ", lists),
                String.join("\n", unwinds), String.join(", ", keys), String.join(", ", order));
    }

    private static boolean isNode(ProgrammeDimension dimension) {
        return switch (dimension) {
            case PROVINCE, PREFECTURE, COUNTY, IMPLEMENTER, ALLIANCE -> true;
            case YEAR, MODE, CATEGORY -> false;
        };
    }

    record Result(ProgrammeBreakdown breakdown, boolean regionFound, boolean implementerFound, boolean partOfFound) {
    }

    Result breakdown(ProgrammeQuery query, List<ProgrammeDimension> dimensions, int first) {
        Filtered filtered = ProgrammeRepository.filtered(query);
        Map<String, Object> parameters = new HashMap<>(filtered.parameters());
        parameters.put("first", first);
        return graph.readSingle(statement(filtered, dimensions), parameters, r -> new Result(
                new ProgrammeBreakdown(dimensions, figures(r.get("total")), r.get("groupCount").asInt(),
                        r.get("multiCounted").asBoolean(), r.get("groups").asList(g -> group(dimensions, g))),
                r.get("regionFound").asBoolean(), r.get("implementerFound").asBoolean(),
                r.get("partOfFound").asBoolean())).orElseThrow();
    }

    private static Figures figures(Value value) {
        return new Figures(value.get("programmes").asInt(), value.get("fundingWan").asDouble(),
                value.get("withFunding").asInt(), value.get("participants").asInt(),
                value.get("withParticipants").asInt());
    }

    private static Group group(List<ProgrammeDimension> dimensions, Value value) {
        Map<ProgrammeDimension, Value> keys = new HashMap<>();
        List<ProgrammeDimension> notAssigned = new ArrayList<>();
        List<Value> values = value.get("keys").asList(v -> v);
        for (int i = 0; i < dimensions.size(); i++) {
            if (values.get(i).isNull()) {
                notAssigned.add(dimensions.get(i));
            } else {
                keys.put(dimensions.get(i), values.get(i));
            }
        }
        return new Group(region(keys.get(ProgrammeDimension.PROVINCE)), region(keys.get(ProgrammeDimension.PREFECTURE)),
                region(keys.get(ProgrammeDimension.COUNTY)),
                keys.containsKey(ProgrammeDimension.YEAR) ? keys.get(ProgrammeDimension.YEAR).asInt() : null,
                keys.containsKey(ProgrammeDimension.MODE)
                        ? ProgrammeMode.valueOf(keys.get(ProgrammeDimension.MODE).asString()) : null,
                keys.containsKey(ProgrammeDimension.CATEGORY)
                        ? ProgrammeCategory.valueOf(keys.get(ProgrammeDimension.CATEGORY).asString()) : null,
                organization(keys.get(ProgrammeDimension.IMPLEMENTER)), organization(keys.get(ProgrammeDimension.ALLIANCE)),
                notAssigned, figures(value.get("figures")));
    }

    private static Region region(Value node) {
        return node == null ? null : Region.from(node);
    }

    private static Organization organization(Value node) {
        return node == null ? null : Organization.from(node);
    }
}
