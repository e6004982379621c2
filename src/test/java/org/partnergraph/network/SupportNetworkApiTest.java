package org.partnergraph.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.partnergraph.testing.Responses.assertError;
import static org.partnergraph.testing.Responses.ok;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.partnergraph.security.Roles;
import org.partnergraph.testing.GraphQLClient;
import org.partnergraph.testing.WriteFixture;
import org.partnergraph.testing.WriteTest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * supportNetwork on the curated network: every organisation's partners are those partnerOrganizations lists,
 * the ranking is in order, analysts only, and a write moves the network (the cache follows the change log).
 */
@QuarkusTest
class SupportNetworkApiTest extends WriteTest {

    static final GraphQLClient ANALYST = GraphQLClient.as("alice", Roles.ANALYST);
    static final GraphQLClient EDITOR = GraphQLClient.as("eddie", Roles.EDITOR);
    static final String QUERY = """
            query($sort: NetworkSort, $first: Int!) { supportNetwork(sort: $sort, first: $first) {
              asOfChange organizations links communities
              ranking { organization { id } partners supports supportedBy betweenness community communitySize } } }""";

    static JsonPath network(GraphQLClient client, String sort, int first) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("sort", sort);
        variables.put("first", first);
        return client.query(QUERY, variables);
    }

    static int partnerCount(String id) {
        return ok(GraphQLClient.anonymous().query(
                "query($id: ID!) { organization(id: $id) { partnerOrganizations(first: 1) { totalCount } } }",
                Map.of("id", id))).getInt("data.organization.partnerOrganizations.totalCount");
    }

    @Test
    void everyMembersPartnersAreItsPartnerOrganizationsAndTheRankingIsInOrder() {
        JsonPath body = ok(network(ANALYST, "PARTNERS", 1000)).setRootPath("data.supportNetwork");
        List<Map<String, Object>> ranking = body.getList("ranking");
        assertEquals(body.getInt("organizations"), ranking.size(), "1000 holds every member of the curated network");
        assertTrue(ranking.size() > 20, "members: " + ranking.size());
        int previous = Integer.MAX_VALUE;
        for (Map<String, Object> position : ranking) {
            String id = (String) ((Map<?, ?>) position.get("organization")).get("id");
            int partners = (Integer) position.get("partners");
            assertEquals(partnerCount(id), partners, id);
            assertTrue(partners <= previous, "sorted by partners");
            previous = partners;
        }
        int supports = ranking.stream().mapToInt(p -> (Integer) p.get("supports")).sum();
        int supportedBy = ranking.stream().mapToInt(p -> (Integer) p.get("supportedBy")).sum();
        assertEquals(body.getInt("links"), supports, "every link has one supporter");
        assertEquals(body.getInt("links"), supportedBy, "and one supported");
        List<Double> betweenness = ok(network(ANALYST, null, 10)).getList("data.supportNetwork.ranking.betweenness",
                Double.class);
        assertEquals(betweenness.stream().sorted(java.util.Comparator.reverseOrder()).toList(), betweenness);
        assertTrue(betweenness.get(0) > 0, "someone holds the network together: " + betweenness);
    }

    @Test
    void aWriteMovesTheNetwork() {
        JsonPath before = ok(network(ANALYST, "PARTNERS", 1000)).setRootPath("data.supportNetwork");
        String school = "test-w-network-school";
        ok(EDITOR.file("organization/upsertOrganization", Map.of("input", Map.of("id", school, "name", "写测网络学校",
                "kind", "SCHOOL", "source", WriteFixture.source("写测")))));
        ok(EDITOR.file("partnership/createPartnership", Map.of("input", Map.of("kind", "PAIRED_WITH",
                "supporterId", WriteFixture.COLLEGE, "supportedId", school, "since", "2025-03",
                "source", WriteFixture.source("结对帮扶")))));
        JsonPath after = ok(network(ANALYST, "PARTNERS", 1000)).setRootPath("data.supportNetwork");
        assertTrue(after.getLong("asOfChange") > before.getLong("asOfChange"));
        assertEquals(before.getInt("links") + 1, after.getInt("links"));
        assertTrue(after.getList("ranking.organization.id").contains(school));
        assertEquals(1, partnerCount(school));
    }

    @Test
    void analystsOnlyAndBoundedRankings() {
        assertError(network(GraphQLClient.anonymous(), null, 5), "UNAUTHENTICATED", "analyst");
        assertError(network(GraphQLClient.as("vera", Roles.VIEWER), null, 5), "FORBIDDEN", "analyst");
        assertError(network(ANALYST, null, 0), "BAD_USER_INPUT", "first");
        assertError(network(ANALYST, null, 1001), "LIMIT_EXCEEDED", "first");
    }
}
