package org.partnergraph.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.partnergraph.testing.Responses.assertError;
import static org.partnergraph.testing.Responses.ok;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.partnergraph.testing.GraphQLClient;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The request guard parses a document once: sent again (with other variables) it is checked from its kept
 * verdict, a refused document stays refused, and the variables are still checked on every request.
 */
@QuarkusTest
class DocumentVerdictsTest {

    static final GraphQLClient CLIENT = GraphQLClient.anonymous();

    @Inject
    GraphQLRequestGuard guard;

    @Test
    void aDocumentSentAgainIsNotParsedAgain() {
        String document = "query Verdicts($id: ID!) { organization(id: $id) { id name } }";
        ok(CLIENT.query(document, Map.of("id", "jiading-education-bureau")));
        long parses = guard.parses();
        for (String id : new String[] {"jiading-education-bureau", "shanghai-urban-construction-vocational-college",
                "kashgar-polytechnic"}) {
            ok(CLIENT.query(document, Map.of("id", id)));
        }
        assertEquals(parses, guard.parses(), "the same document three more times, no parse");
        ok(CLIENT.query(document + " ", Map.of("id", "kashgar-polytechnic")));
        assertEquals(parses + 1, guard.parses(), "another text is another document");
    }

    @Test
    void aRefusedDocumentStaysRefusedAndVariablesAreAlwaysChecked() {
        String deep = "{ region(id: \"shanghai-jiading\") { " + "parent { ".repeat(14) + "id" + " }".repeat(14) + " } }";
        assertError(CLIENT.query(deep, Map.of()), "LIMIT_EXCEEDED", "depth");
        long parses = guard.parses();
        assertError(CLIENT.query(deep, Map.of()), "LIMIT_EXCEEDED", "depth");
        assertEquals(parses, guard.parses());

        String document = "query Checked($id: ID!) { organization(id: $id) { id } }";
        ok(CLIENT.query(document, Map.of("id", "kashgar-polytechnic")));
        assertError(CLIENT.query(document, Map.of("id", "kashgar\u0000polytechnic")), "BAD_USER_INPUT", "control");
        ok(CLIENT.query(document, Map.of("id", "kashgar-polytechnic")));
    }
}
