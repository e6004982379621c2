package org.partnergraph.programme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.partnergraph.testing.GraphQLClient;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The fields of Programme on the curated dataset, for one programme and for a whole page at once. */
@QuarkusTest
class ProgrammeFieldsTest {

    static final String DOC_2018 = "doc-2018-hu-jiaowei-ban-39";

    static JsonPath programme(String id) {
        JsonPath body = GraphQLClient.anonymous().file("programme/programme", Map.of("id", id));
        assertNull(body.get("errors"), body::prettify);
        return body;
    }

    @Test
    void tableListsItsRowsInDocumentOrder() {
        JsonPath body = programme("prog-2018-training-table");

        List<String> rows = IntStream.rangeClosed(1, 12).mapToObj(i -> "prog-2018-training-%02d".formatted(i)).toList();
        assertEquals(rows, body.getList("data.node.parts.id"));
        assertEquals(659.7, body.getDouble("data.node.statedTotalFundingWan"), 1e-9);
        assertEquals(List.of("shanghai-municipal-education-commission"), body.getList("data.node.implementers.id"));
        assertEquals(List.of("shanghai-cooperation-exchange-office"),
                body.getList("data.node.participatingOrganizations.id"));
        assertNull(body.get("data.node.partOf"));
    }

    @Test
    void rowKnowsItsTableImplementerTargetAndSource() {
        JsonPath body = programme("prog-2018-training-01");

        assertEquals("prog-2018-training-table", body.getString("data.node.partOf.id"));
        assertEquals(List.of("shanghai-teacher-training-centre"), body.getList("data.node.implementers.id"));
        assertEquals(List.of("xinjiang-kashgar"), body.getList("data.node.targets.id"));
        assertEquals(List.of("Region"), body.getList("data.node.targets.__typename"));
        assertEquals(List.of(DOC_2018), body.getList("data.node.sources.id"));
        assertEquals("喀什“影子校长”培训…来沪进修…96…40…3个月…市师资培训中心", body.getString("data.node.citations[0].quote"));
        assertEquals(DOC_2018, body.getString("data.node.citations[0].document.id"));
        assertEquals(false, body.getBoolean("data.node.citations[0].implied"));
        assertEquals(List.of(), body.getList("data.node.parts"));
        assertEquals(List.of(), body.getList("data.node.responsibleOffices"));
    }

    @Test
    void programmeListsItsHostsAndEvents() {
        JsonPath practice = programme("prog-2024-hu-dian-enterprise-practice");
        JsonPath tour = programme("prog-2024-hu-dian-hometown-tour");

        assertEquals(List.of("saic-motor", "shanghai-hangda-bureau", "shanghai-yongda-automobile-group"),
                practice.getList("data.node.hosts.id"));
        assertEquals(List.of("evt-2024-hometown-tour-dali", "evt-2024-hometown-tour-tengchong",
                "evt-2024-hometown-tour-wenshan"), tour.getList("data.node.events.id"));
    }

    @Test
    void programmeCarryingOutAnAgreementNamesIt() {
        JsonPath body = programme("prog-2023-jiading-chuxiong-school-pairing");

        assertEquals("agr-jiading-chuxiong-poverty-cooperation", body.getString("data.node.agreement.id"));
        assertEquals(List.of("jiading-no1-high-school"), body.getList("data.node.participatingOrganizations.id"));
        assertEquals(List.of("shuangbai-no1-middle-school", "yunnan-chuxiong"), body.getList("data.node.targets.id"));
        assertEquals(List.of("Organization", "Region"), body.getList("data.node.targets.__typename"));
    }

    @Test
    void everyRowOfAPageGetsItsOwnChildren() {
        Map<String, Object> variables = new HashMap<>();
        variables.put("filter", Map.of("partOfId", "prog-2018-task-table"));
        variables.put("sort", "SEQUENCE");
        variables.put("first", 3);
        JsonPath body = GraphQLClient.anonymous().file("programme/programmesWithChildren", variables);
        assertNull(body.get("errors"), body::prettify);

        assertEquals(List.of("task-2018-01", "task-2018-02", "task-2018-03"),
                body.getList("data.programmes.edges.node.id"));
        assertEquals(List.of("prog-2018-task-table", "prog-2018-task-table", "prog-2018-task-table"),
                body.getList("data.programmes.edges.node.partOf.id"));
        assertEquals(List.of("tongji-university"), body.getList("data.programmes.edges[0].node.implementers.id"));
        assertEquals(List.of("fudan-university", "shanghai-jiao-tong-university", "shanghai-teacher-training-centre"),
                body.getList("data.programmes.edges[1].node.implementers.id"));
        assertEquals(List.of("smec-basic-education-division", "smec-general-office", "smec-higher-education-division",
                "smec-personnel-division", "smec-vocational-education-division"),
                body.getList("data.programmes.edges[0].node.responsibleOffices.id"));
        assertEquals(List.of("smec-general-office", "smec-personnel-division", "smec-vocational-education-division"),
                body.getList("data.programmes.edges[1].node.responsibleOffices.id"));
        assertEquals(List.of("OFFICE"), body.getList("data.programmes.edges[1].node.responsibleOffices.kind")
                .stream().distinct().toList());
        assertEquals(List.of("yunnan"), body.getList("data.programmes.edges[0].node.targets.id"));
        assertEquals(List.of("yunnan", "yunnan-dianxi"), body.getList("data.programmes.edges[2].node.targets.id"));
        assertEquals("agr-2018-2020-hu-dian-education-poverty-cooperation",
                body.getString("data.programmes.edges[0].node.agreement.id"));
        assertNull(body.get("data.programmes.edges[1].node.agreement"));
        assertEquals(List.of(DOC_2018), body.getList("data.programmes.edges[2].node.sources.id"));
        assertEquals("沪教委办〔2018〕39号", body.getString("data.programmes.edges[2].node.sources[0].number"));
        assertEquals("云南…全面推进沪滇教育扶贫协作", body.getString("data.programmes.edges[0].node.citations[0].quote"));
        assertFalse(body.getList("data.programmes.edges[1].node.citations").isEmpty());
    }
}
