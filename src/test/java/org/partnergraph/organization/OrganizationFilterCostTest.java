package org.partnergraph.organization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.partnergraph.testing.Responses.ok;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.summary.Plan;
import org.partnergraph.graph.Graph;
import org.partnergraph.testing.GraphQLClient;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * What organizations(filter) asks of Neo4j. The region condition walks from each candidate (Expand(All) over its
 * one location, then up PART_OF) instead of ending on the region, which Neo4j plans as Expand(Into) or a walk of the
 * region's whole subtree per candidate; and a compiled request counts and pages only what its selection reads.
 * The statements are the ones Neo4j ran, taken from its query collector, and their plans are Neo4j's own.
 */
@QuarkusTest
class OrganizationFilterCostTest {

    static final GraphQLClient ANONYMOUS = GraphQLClient.anonymous();
    static final String MEMBERS_IN_REGION = """
            query ($filter: OrganizationFilter) { organizations(filter: $filter, first: 20) { %s } }""";

    @Inject
    Graph graph;

    static Map<String, Object> filter(boolean subregions) {
        Map<String, Object> filter = new HashMap<>();
        filter.put("memberOfId", "alliance-hu-dian");
        filter.put("regionId", "shanghai");
        filter.put("includeSubregions", subregions);
        return Map.of("filter", filter);
    }

    @Test
    void theRegionConditionWalksFromTheCandidateNotIntoTheRegion() {
        for (String statement : List.of(OrganizationRepository.PAGE_BY_NAME, OrganizationRepository.PAGE_BY_ID,
                OrganizationRepository.COUNT_FILTERED)) {
            for (boolean subregions : new boolean[] {true, false}) {
                Map<String, Object> parameters = new HashMap<>();
                parameters.put("regionId", "shanghai");
                parameters.put("memberOfId", null);
                parameters.put("includeSubregions", subregions);
                parameters.put("kinds", null);
                parameters.put("text", null);
                parameters.put("query", null);
                parameters.put("afterKey", null);
                parameters.put("afterId", null);
                parameters.put("limit", 21);
                Plan plan = graph.read(tx -> tx.run("EXPLAIN " + statement, parameters)).plan();
                for (String operator : operators(plan)) {
                    assertFalse(operator.startsWith("Expand(Into)") && operator.contains("LOCATED_IN"), operator);
                    assertFalse(operator.startsWith("VarLengthExpand") && operator.contains("(root)<-"), operator);
                }
            }
        }
    }

    @Test
    void aListWithoutTotalCountIsNotCounted() {
        for (boolean subregions : new boolean[] {true, false}) {
            String edges = statementOf(MEMBERS_IN_REGION.formatted("edges { node { id } }"), filter(subregions));
            assertFalse(edges.contains("COUNT {"), edges);
            assertTrue(edges.contains("COLLECT {"), edges);

            String counted = statementOf(MEMBERS_IN_REGION.formatted("totalCount"), filter(subregions));
            assertTrue(counted.contains("COUNT {"), counted);
            assertFalse(counted.contains("COLLECT {"), counted);

            String both = statementOf(MEMBERS_IN_REGION.formatted("totalCount pageInfo { hasNextPage }"),
                    filter(subregions));
            assertTrue(both.contains("COUNT {") && both.contains("COLLECT {"), both);
        }
    }

    @Test
    void whatIsNotCountedOrListedStillAnswersWhatWasAsked() {
        // the four shanghai members of 沪滇 (CompiledReadsTest), on one page of 20
        JsonPath edges = ok(ANONYMOUS.query(MEMBERS_IN_REGION.formatted("edges { node { id } }"), filter(false)));
        assertEquals(4, edges.getList("data.organizations.edges").size());
        JsonPath counted = ok(ANONYMOUS.query(MEMBERS_IN_REGION.formatted("n: totalCount"), filter(false)));
        assertEquals(4, counted.getInt("data.organizations.n"));
        JsonPath pageInfo = ok(ANONYMOUS.query(MEMBERS_IN_REGION.formatted("pageInfo { hasNextPage endCursor }"),
                filter(false)));
        assertFalse(pageInfo.getBoolean("data.organizations.pageInfo.hasNextPage"));
        assertTrue(pageInfo.getString("data.organizations.pageInfo.endCursor") != null);
    }

    /** The organizations statement Neo4j ran for one request, from its query collector. */
    private String statementOf(String query, Map<String, Object> variables) {
        graph.read(tx -> tx.run("CALL db.stats.stop('QUERIES')", Map.of()));
        graph.read(tx -> tx.run("CALL db.stats.clear('QUERIES')", Map.of()));
        graph.read(tx -> tx.run("CALL db.stats.collect('QUERIES')", Map.of()));
        ok(ANONYMOUS.query(query, variables));
        for (int attempt = 0; attempt < 50; attempt++) {
            List<String> ran = graph.read(tx -> tx.list("CALL db.stats.retrieve('QUERIES') YIELD data "
                    + "RETURN data.query AS text", Map.of(), r -> r.get("text").asString()));
            List<String> filters = ran.stream().filter(text -> text.contains("regionFound")).toList();
            if (filters.size() == 1) {
                return filters.get(0);
            }
            assertTrue(filters.isEmpty(), "one request, one organizations statement: " + filters);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return fail("Neo4j's query collector did not report the organizations statement");
    }

    private static List<String> operators(Plan plan) {
        List<String> operators = new ArrayList<>();
        operators.add(plan.operatorType() + " " + plan.arguments().getOrDefault("Details", null));
        plan.children().forEach(child -> operators.addAll(operators(child)));
        return operators;
    }
}
