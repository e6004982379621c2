package org.partnergraph.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.partnergraph.testing.Responses.ok;

import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.partnergraph.testing.GraphQLClient;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class NodeApiTest {

    static final GraphQLClient CLIENT = GraphQLClient.anonymous();

    @ParameterizedTest
    @CsvSource({
            "kashgar-polytechnic, Organization",
            "yunnan-chuxiong, Region",
            "kashgar-polytechnic-civil-engineering, Department",
            "prog-2018-training-01, Programme",
            "prog-2018-training-table, Programme",
            "count-2024-kashgar-polytechnic-pairing-colleges, StatedCount" })
    void nodeResolvesEveryType(String id, String type) {
        JsonPath body = ok(CLIENT.file("node/node", Map.of("id", id)));
        assertEquals(type, body.getString("data.node.__typename"));
        assertEquals(id, body.getString("data.node.id"));
    }

    @Test
    void majorsAgreementsAndEventsAreNodesToo() {
        for (String type : new String[] { "Major", "Agreement", "Event" }) {
            String id = GraphQLClient.anonymous().query("{ search(text: \"喀什\", first: 50) { node { __typename id } } }",
                    Map.of()).getString("data.search.find { it.node.__typename == '" + type + "' }.node.id");
            if (id == null) {
                id = switch (type) {
                    case "Major" -> "kashgar-polytechnic-nursing";
                    case "Agreement" -> "agr-kashgar-polytechnic-pairing-agreements";
                    default -> "evt-2024-09-urban-construction-diagnostic-visit";
                };
            }
            assertEquals(type, ok(CLIENT.file("node/node", Map.of("id", id))).getString("data.node.__typename"), id);
        }
    }

    @Test
    void unknownIdIsNull() {
        assertNull(ok(CLIENT.file("node/node", Map.of("id", "no-such-thing"))).get("data.node"));
    }

    @Test
    void departmentKnowsItsOrganizationAndSources() {
        JsonPath body = ok(CLIENT.file("node/department", Map.of("id", "kashgar-polytechnic-civil-engineering")));
        assertEquals("kashgar-polytechnic", body.getString("data.department.organization.id"));
        assertTrue(!body.getList("data.department.sources").isEmpty());
        assertNull(ok(CLIENT.file("node/department", Map.of("id", "no-such-department"))).get("data.department"));
    }
}
