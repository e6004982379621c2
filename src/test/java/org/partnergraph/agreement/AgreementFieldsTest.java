package org.partnergraph.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.partnergraph.graph.Graph;
import org.partnergraph.testing.GraphQLClient;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The fields of Agreement on the curated dataset; batched across all agreements of a page. */
@QuarkusTest
class AgreementFieldsTest {

    @Inject
    Graph graph;

    @Test
    void agreementListsItsPartiesProgrammesAndSource() {
        JsonPath body = GraphQLClient.anonymous().file("agreement/agreement",
                Map.of("id", "agr-jiading-chuxiong-poverty-cooperation"));
        assertNull(body.get("errors"), body::prettify);

        assertEquals(List.of("chuxiong-education-sports-bureau", "jiading-education-bureau"),
                body.getList("data.node.parties.id"));
        assertEquals(List.of("prog-2023-jiading-chuxiong-school-pairing"), body.getList("data.node.programmes.id"));
        assertEquals(List.of(), body.getList("data.node.targets"));
        assertEquals(List.of("doc-2023-chu-jiaofu-31"), body.getList("data.node.sources.id"));
        assertEquals("按照《上海市嘉定区教育局云南省楚雄州教育局扶贫协作协议》的要求",
                body.getString("data.node.citations[0].quote"));
    }

    @Test
    void aggregateAgreementListsOnlyTheNamedParties() {
        JsonPath body = GraphQLClient.anonymous().file("agreement/agreement",
                Map.of("id", "agr-kashgar-polytechnic-pairing-agreements"));
        assertNull(body.get("errors"), body::prettify);

        assertEquals(List.of("kashgar-polytechnic", "shanghai-minhang-vocational-technical-college",
                "shanghai-university-of-medicine-and-health-sciences", "shanghai-urban-construction-vocational-college"),
                body.getList("data.node.parties.id"));
    }

    @Test
    void agreementsOfAWholeTableResolveInOneQueryPerField() {
        long before = graph.roundTrips();
        JsonPath body = GraphQLClient.anonymous().file("agreement/agreementsOfTasks", Map.of("first", 51));
        long roundTrips = graph.roundTrips() - before;
        assertNull(body.get("errors"), body::prettify);

        // task 1 carries out the 2018-2020 沪滇 agreement, task 2 no agreement; each row gets its own.
        assertEquals("agr-2018-2020-hu-dian-education-poverty-cooperation",
                body.getString("data.programmes.edges[0].node.agreement.id"));
        assertEquals(List.of("shanghai-municipal-education-commission", "yunnan-education-department"),
                body.getList("data.programmes.edges[0].node.agreement.parties.id"));
        assertEquals(List.of("task-2018-01"), body.getList("data.programmes.edges[0].node.agreement.programmes.id"));
        assertNull(body.get("data.programmes.edges[1].node.agreement"));
        assertEquals(10, body.getList("data.programmes.edges.node.agreement").stream().filter(a -> a != null).count());
        // programmes page, agreement, then parties, targets and programmes of all ten agreements.
        assertEquals(5, roundTrips);
    }
}
