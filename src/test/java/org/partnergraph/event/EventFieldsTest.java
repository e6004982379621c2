package org.partnergraph.event;

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

/** The fields of Event on the curated dataset; batched across all events of a programme. */
@QuarkusTest
class EventFieldsTest {

    @Inject
    Graph graph;

    static JsonPath event(String id) {
        JsonPath body = GraphQLClient.anonymous().file("event/event", Map.of("id", id));
        assertNull(body.get("errors"), body::prettify);
        return body;
    }

    @Test
    void eventKnowsWhereWhoAndWhichProgramme() {
        JsonPath body = event("evt-2024-hometown-tour-wenshan");

        assertEquals("yunnan-wenshan", body.getString("data.node.region.id"));
        assertEquals(List.of("wenshan-museum", "wenshan-vocational-education-park"), body.getList("data.node.hosts.id"));
        assertEquals(List.of("shanghai-information-technology-school", "shanghai-trade-school"),
                body.getList("data.node.participations.organization.id"));
        assertEquals(List.of("PARTICIPANT", "PARTICIPANT"), body.getList("data.node.participations.role"));
        assertEquals("prog-2024-hu-dian-hometown-tour", body.getString("data.node.programme.id"));
        assertEquals(List.of("doc-2024-news-vocational-alliances"), body.getList("data.node.sources.id"));
    }

    @Test
    void organisationInTwoRolesHasTwoParticipations() {
        JsonPath body = event("evt-2024-xinjiang-2nd-vocational-skills-competition");

        assertEquals(List.of("shanghai-construction-management-vocational-technical-college",
                "shanghai-construction-management-vocational-technical-college"),
                body.getList("data.node.participations.organization.id"));
        assertEquals(List.of("JUDGE", "PARTICIPANT"), body.getList("data.node.participations.role"));
        assertEquals("xinjiang", body.getString("data.node.region.id"));
        assertNull(body.get("data.node.programme"));
        assertEquals(List.of(), body.getList("data.node.organisers"));
    }

    @Test
    void eventTargetsAnOrganisationOrADepartment() {
        assertEquals(List.of("Department"),
                event("evt-2024-09-urban-construction-diagnostic-visit").getList("data.node.targets.__typename"));
        assertEquals(List.of("shanghai-urban-construction-vocational-college"),
                event("evt-2024-09-urban-construction-diagnostic-visit").getList("data.node.organisers.id"));
    }

    @Test
    void eventsOfAProgrammeResolveInOneQueryPerField() {
        long before = graph.roundTrips();
        JsonPath body = GraphQLClient.anonymous().file("event/eventsOfProgramme",
                Map.of("id", "prog-2024-hu-dian-hometown-tour"));
        long roundTrips = graph.roundTrips() - before;
        assertNull(body.get("errors"), body::prettify);

        assertEquals(List.of("evt-2024-hometown-tour-dali", "evt-2024-hometown-tour-tengchong",
                "evt-2024-hometown-tour-wenshan"), body.getList("data.node.events.id"));
        assertEquals(List.of("yunnan-dali-dali-city", "yunnan-baoshan-tengchong", "yunnan-wenshan"),
                body.getList("data.node.events.region.id"));
        assertEquals(List.of(List.of("alliance-hu-dian"), List.of(), List.of()),
                body.getList("data.node.events.organisers.id"));
        assertEquals(List.of(List.of(), List.of("tengchong-no1-vocational-high-school"), List.of()),
                body.getList("data.node.events.targets.id"));
        assertEquals(List.of(List.of(), List.of("dujuanwang-ancient-wood-expo-park"),
                List.of("wenshan-museum", "wenshan-vocational-education-park")), body.getList("data.node.events.hosts.id"));
        // node, events, then region, organisers, participations, hosts, targets, programme of all three events.
        assertEquals(8, roundTrips);
    }
}
