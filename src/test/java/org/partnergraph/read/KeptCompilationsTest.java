package org.partnergraph.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.partnergraph.testing.Responses.assertError;
import static org.partnergraph.testing.Responses.ok;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.partnergraph.graph.Graph;
import org.partnergraph.testing.GraphQLClient;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The planner keeps what it compiled for a root field by its document and variables: the next request of the same
 * document and variables is not compiled again, and whatever it reuses, every request still gets its own answer —
 * other variables, other callers (roles), other root fields of one request, many requests at once.
 *
 * <p>What is kept is keyed by the document SmallRye keeps, and SmallRye keeps a document it sees for the first time
 * by parsing it once more after the request (QueryCache): the first request's syntax nodes are never seen again, so
 * reuse starts with the third request of a document. The tests send each document twice before they count.
 */
@QuarkusTest
class KeptCompilationsTest {

    static final GraphQLClient ANONYMOUS = GraphQLClient.anonymous();
    static final GraphQLClient ANALYST = GraphQLClient.as("alice", "analyst");
    static final List<String> ORGANIZATIONS = List.of("jiading-education-bureau", "shanghai-municipal-education-commission",
            "kashgar-polytechnic");

    @Inject
    Graph graph;

    @Inject
    CompiledReads planner;

    static Map<String, Object> partnersOfPartners(String id) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("id", id);
        variables.put("kind", null);
        return variables;
    }

    /** What the resolvers answer (the planner off): nothing kept is involved. */
    String resolved(GraphQLClient client, String document, Map<String, Object> variables) {
        planner.enabled(false);
        try {
            return client.file(document, variables).prettify();
        } finally {
            planner.enabled(true);
        }
    }

    /** Sends a document until SmallRye keeps it (see above); answers the last answer. */
    static String kept(GraphQLClient client, String document, Map<String, Object> variables) {
        ok(client.file(document, variables));
        return ok(client.file(document, variables)).prettify();
    }

    @Test
    void theSameDocumentAndVariablesAgainAreNotCompiledAgainAndAnswerTheSame() {
        Map<String, Object> variables = partnersOfPartners("jiading-education-bureau");
        String first = kept(ANONYMOUS, "read/partnersOfPartners", variables);
        long reusedBefore = CompiledReads.reused();
        long statementsBefore = graph.roundTrips();
        String again = ok(ANONYMOUS.file("read/partnersOfPartners", variables)).prettify();
        assertEquals(1, graph.roundTrips() - statementsBefore);
        assertEquals(reusedBefore + 1, CompiledReads.reused());
        assertEquals(first, again);
        assertEquals(resolved(ANONYMOUS, "read/partnersOfPartners", variables), again);
    }

    @Test
    void otherVariablesGetTheirOwnAnswerWhicheverWasAskedBefore() {
        Map<String, String> expected = new HashMap<>();
        for (String id : ORGANIZATIONS) {
            expected.put(id, resolved(ANONYMOUS, "read/partnersOfPartners", partnersOfPartners(id)));
            assertFalse(expected.get(id).contains("\"errors\""), expected.get(id));
        }
        assertNotEquals(expected.get(ORGANIZATIONS.get(0)), expected.get(ORGANIZATIONS.get(1)));
        assertNotEquals(expected.get(ORGANIZATIONS.get(1)), expected.get(ORGANIZATIONS.get(2)));
        for (int round = 0; round < 3; round++) {
            for (String id : ORGANIZATIONS) {
                assertEquals(expected.get(id), ANONYMOUS.file("read/partnersOfPartners", partnersOfPartners(id)).prettify(),
                        "round " + round + ", " + id);
            }
        }
        // Another value of a variable that shapes the statement's text (the kinds): its own statement, its own answer.
        Map<String, Object> paired = partnersOfPartners("jiading-education-bureau");
        paired.put("kind", List.of("PAIRED_WITH"));
        String pairedOnly = resolved(ANONYMOUS, "read/partnersOfPartners", paired);
        assertNotEquals(expected.get("jiading-education-bureau"), pairedOnly);
        for (int round = 0; round < 2; round++) {
            assertEquals(pairedOnly, ANONYMOUS.file("read/partnersOfPartners", paired).prettify());
            assertEquals(expected.get("jiading-education-bureau"),
                    ANONYMOUS.file("read/partnersOfPartners", partnersOfPartners("jiading-education-bureau")).prettify());
        }
    }

    /**
     * What the statement fetched ahead for nested fields is recorded per request while its answer is read: requests
     * of one document at once, each with its variables, each get their own nested lists.
     */
    @Test
    void requestsOfOneDocumentAtOnceEachGetTheirOwnNestedAnswers() throws Exception {
        Map<String, String> expected = new HashMap<>();
        for (String id : ORGANIZATIONS) {
            expected.put(id, resolved(ANONYMOUS, "read/partnersOfPartners", partnersOfPartners(id)));
        }
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<Callable<String>> requests = new ArrayList<>();
            for (int i = 0; i < 96; i++) {
                String id = ORGANIZATIONS.get(i % ORGANIZATIONS.size());
                requests.add(() -> {
                    String answer = ANONYMOUS.file("read/partnersOfPartners", partnersOfPartners(id)).prettify();
                    return expected.get(id).equals(answer) ? null : id + " answered " + answer;
                });
            }
            for (Future<String> outcome : clients.invokeAll(requests)) {
                assertNull(outcome.get());
            }
        } finally {
            clients.shutdown();
            clients.awaitTermination(30, TimeUnit.SECONDS);
        }
    }

    /** Authorisation applies to what was read, so a statement compiled for an analyst withholds from anyone else. */
    @Test
    void aStatementCompiledForAnAnalystStillWithholdsTheProtectedFieldFromOthers() {
        Map<String, Object> variables = Map.of("id", "shanghai-municipal-education-commission");
        String asAnalyst = resolved(ANALYST, "read/protected", variables);
        String asAnonymous = resolved(ANONYMOUS, "read/protected", variables);
        assertNotNull(JsonPath.from(asAnalyst).getList("data.organization.history"), asAnalyst);
        assertEquals("UNAUTHENTICATED", JsonPath.from(asAnonymous).getString("errors[0].extensions.code"), asAnonymous);

        assertEquals(asAnalyst, kept(ANALYST, "read/protected", variables));
        long reusedBefore = CompiledReads.reused();
        assertEquals(asAnonymous, ANONYMOUS.file("read/protected", variables).prettify());
        assertEquals(asAnalyst, ANALYST.file("read/protected", variables).prettify());
        assertEquals(asAnonymous, ANONYMOUS.file("read/protected", variables).prettify());
        assertEquals(reusedBefore + 3, CompiledReads.reused());
    }

    /** A refused argument is refused each time: nothing is kept for it. */
    @Test
    void aRefusedArgumentIsRefusedEveryTime() {
        String document = "query($id: ID!, $first: Int) { organization(id: $id) { partners(first: $first) { totalCount } } }";
        Map<String, Object> tooMany = Map.of("id", "kashgar-polytechnic", "first", 100_000);
        for (int i = 0; i < 2; i++) {
            assertError(ANONYMOUS.query(document, tooMany), "LIMIT_EXCEEDED", "first");
        }
        Map<String, Object> none = Map.of("id", "kashgar-polytechnic", "first", 0);
        for (int i = 0; i < 2; i++) {
            assertError(ANONYMOUS.query(document, none), "BAD_USER_INPUT", "first");
        }
        ok(ANONYMOUS.query(document, Map.of("id", "kashgar-polytechnic", "first", 5)));
    }

    /** Each root field of a request is compiled on its own, with its own parameters, and kept as such. */
    @Test
    void rootFieldsOfOneRequestEachKeepTheirOwnStatementPart() {
        String both = """
                query($a: ID!, $b: ID!) {
                  a: organization(id: $a) { id partnerOrganizations(first: 100) { totalCount edges { node { id } } } }
                  b: organization(id: $b) { id partnerOrganizations(first: 100) { totalCount edges { node { id } } } }
                }""";
        String one = "query($a: ID!) { a: organization(id: $a) { id partnerOrganizations(first: 100) { totalCount edges { node { id } } } } }";
        String first = ORGANIZATIONS.get(0);
        String second = ORGANIZATIONS.get(1);
        JsonPath alone = ok(ANONYMOUS.query(one, Map.of("a", first)));
        JsonPath other = ok(ANONYMOUS.query(one, Map.of("a", second)));
        ok(ANONYMOUS.query(both, Map.of("a", first, "b", second))); // SmallRye keeps the document from the next one on
        for (int round = 0; round < 3; round++) {
            long reusedBefore = CompiledReads.reused();
            long statementsBefore = graph.roundTrips();
            JsonPath body = ok(ANONYMOUS.query(both, Map.of("a", first, "b", second)));
            assertEquals(1, graph.roundTrips() - statementsBefore);
            assertEquals(round == 0 ? reusedBefore : reusedBefore + 2, CompiledReads.reused());
            assertEquals(alone.getMap("data.a"), body.getMap("data.a"));
            assertEquals(other.getMap("data.a"), body.getMap("data.b"));
        }
    }
}
