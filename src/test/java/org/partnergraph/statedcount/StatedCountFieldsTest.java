package org.partnergraph.statedcount;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.partnergraph.testing.GraphQLClient;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** A stated count keeps the number the document gives and only the members it names. */
@QuarkusTest
class StatedCountFieldsTest {

    @Test
    void countNamesFewerMembersThanItStates() {
        JsonPath body = GraphQLClient.anonymous().file("statedcount/statedCount",
                Map.of("id", "count-2024-kashgar-polytechnic-pairing-colleges"));
        assertNull(body.get("errors"), body::prettify);

        assertEquals(22, body.getInt("data.node.count"));
        assertEquals(3, body.getInt("data.node.namedCount"));
        assertEquals(List.of("shanghai-minhang-vocational-technical-college",
                "shanghai-university-of-medicine-and-health-sciences", "shanghai-urban-construction-vocational-college"),
                body.getList("data.node.named.id"));
        assertEquals("Agreement", body.getString("data.node.subject.__typename"));
        assertEquals("agr-kashgar-polytechnic-pairing-agreements", body.getString("data.node.subject.id"));
        assertEquals(List.of("doc-2024-news-vocational-alliances"), body.getList("data.node.sources.id"));
    }

    @Test
    void severalCountsInOneRequestEachGetTheirOwnMembers() {
        JsonPath body = GraphQLClient.anonymous().file("statedcount/statedCounts", Map.of());
        assertNull(body.get("errors"), body::prettify);

        assertEquals(3, body.getInt("data.pairing.namedCount"));
        assertEquals(210, body.getInt("data.enrolment.count"));
        assertEquals(0, body.getInt("data.enrolment.namedCount"));
        assertEquals(List.of(), body.getList("data.enrolment.named"));
        assertEquals("prog-2023-chuxiong-enrolment-to-shanghai", body.getString("data.enrolment.subject.id"));
        assertEquals(List.of("alliance-hu-dian", "alliance-hu-guo", "alliance-hu-ka"),
                body.getList("data.alliances.named.id"));
        assertEquals(List.of("Organization"), body.<String>getList("data.alliances.named.__typename").stream()
                .distinct().toList());
        // D2024 "…上海健康医学院等22所院校": the three named are examples. The 210 pre-registered students are a bare
        // number, the three alliances are all named, and "…视觉传达设计等6个专业" names all six (AMBIGUITIES.md 72-73).
        assertTrue(body.getBoolean("data.pairing.openList"));
        assertFalse(body.getBoolean("data.enrolment.openList"));
        assertFalse(body.getBoolean("data.alliances.openList"));
        assertFalse(body.getBoolean("data.majors.openList"));
        assertEquals(6, body.getInt("data.majors.namedCount"));
        for (String alias : List.of("pairing", "enrolment", "alliances", "majors")) {
            assertTrue(body.getInt("data." + alias + ".namedCount") <= body.getInt("data." + alias + ".count"), alias);
        }
    }
}
