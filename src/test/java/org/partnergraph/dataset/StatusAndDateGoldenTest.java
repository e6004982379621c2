package org.partnergraph.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.partnergraph.testing.Responses.ok;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.partnergraph.testing.GraphQLClient;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The statuses, finer dates and progress the documents state, as the API answers them; each row names its
 * document and the quote it rests on (AMBIGUITIES.md 59–63 for how "目前", "左右" and the rest are read).
 */
@QuarkusTest
class StatusAndDateGoldenTest {

    static final GraphQLClient ANONYMOUS = GraphQLClient.anonymous();
    static final String D2018 = DatasetGoldenTest.D2018;
    static final String D2023 = DatasetGoldenTest.D2023;
    static final String D2024 = DatasetGoldenTest.D2024;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "agr-jiading-chuxiong-poverty-cooperation | ACTIVE | 2023-07-30 | DAY | D2023 | 按照《上海市嘉定区教育局云南省楚雄州教育局扶贫协作协议》的要求",
            "agr-seig-chuxiong-vocational-memorandum | ACTIVE | 2023-07-30 | DAY | D2023 | 落实上海电子信息职业教育集团与楚雄彝族自治州人民政府签订的职业教育合作《备忘录》",
            "agr-kashgar-polytechnic-pairing-agreements | ACTIVE | 2024 | YEAR | D2024 | 截止目前，包括上海城建职业学院、上海闵行职业技术学院、上海健康医学院等22所院校与喀什理工职业技术学院签订对口帮扶协议",
            "agr-2018-2020-hu-dian-education-poverty-cooperation | ACTIVE | 2018-08-13 | DAY | D2018 | 根据沪滇两地共同签署的《2018-2020年沪滇教育扶贫协作协议》",
            "agr-hu-ka-vocational-full-coverage-plan-2016-2020 | ACTIVE | 2018-08-13 | DAY | D2018 | 落实《沪喀职业教育对口支援全覆盖行动计划（2016—2020年）》"})
    void agreementStatusesAreTheDocumentsWords(String id, String status, String date, String precision, String document,
            String quote) {
        JsonPath body = ok(ANONYMOUS.file("timeline/dated", Map.of("id", id)));
        assertEquals(status, body.getString("data.node.status"));
        assertEquals(date, body.getString("data.node.statusDate"));
        assertEquals(precision, body.getString("data.node.statusDatePrecision"));
        assertEquals(List.of(Map.of("quote", quote, "implied", false, "document", Map.of("id", document(document)))),
                body.getList("data.node.statusCitations"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // Only cited ("围绕…规划", "根据…要求"): no status is guessed.
            "agr-qinghai-education-support-13th-five-year-plan",
            "agr-ten-thousand-teachers-support-plan",
            "agr-2024-shanghai-aid-qinghai-group-support-plan"})
    void agreementsTheDocumentsOnlyCiteHaveNoStatus(String id) {
        JsonPath body = ok(ANONYMOUS.file("timeline/dated", Map.of("id", id)));
        assertNull(body.get("data.node.status"));
        assertNull(body.get("data.node.statusDate"));
        assertEquals(List.of(), body.getList("data.node.statusCitations"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "chuxiong-medical-college | rel-sumhs-paired-with-chuxiong-medical-college | IN_COORDINATION | 2023-07-30 | D2023 | 目前省上正在与上海方对接中",
            "kashgar-polytechnic | rel-urban-construction-paired-with-kashgar-polytechnic | ACTIVE | 2024 | D2024 | 截止目前，包括上海城建职业学院、上海闵行职业技术学院、上海健康医学院等22所院校与喀什理工职业技术学院签订对口帮扶协议",
            "kashgar-polytechnic | rel-minhang-vtc-paired-with-kashgar-polytechnic | ACTIVE | 2024 | D2024 | 截止目前，包括上海城建职业学院、上海闵行职业技术学院、上海健康医学院等22所院校与喀什理工职业技术学院签订对口帮扶协议",
            "kashgar-polytechnic | rel-sumhs-paired-with-kashgar-polytechnic | ACTIVE | 2024 | D2024 | 截止目前，包括上海城建职业学院、上海闵行职业技术学院、上海健康医学院等22所院校与喀什理工职业技术学院签订对口帮扶协议"})
    void partnershipStatusesAreTheDocumentsWords(String subject, String id, String status, String date, String document,
            String quote) {
        JsonPath body = ok(ANONYMOUS.file("timeline/partnershipStatuses", Map.of("id", subject)));
        Map<String, Object> partnership = body.getMap("data.supportersOf.find { it.id == '" + id + "' }");
        assertEquals(status, partnership.get("status"));
        assertEquals(date, partnership.get("statusDate"));
        assertEquals(List.of(Map.of("quote", quote, "implied", false, "document", Map.of("id", document(document)))),
                partnership.get("statusCitations"));
        // Every other support of the same subject states no status (none is guessed from the kind or the scheme).
        List<Map<String, Object>> others = body.getList("data.supportersOf.findAll { it.status != null }");
        assertTrue(others.stream().allMatch(p -> ((String) p.get("id")).contains("paired-with")), others::toString);
    }

    /** An organisation's partnerships carry their status too (the partners list, compiled or resolved). */
    @org.junit.jupiter.api.Test
    void anOrganizationsPartnershipsCarryTheirStatus() {
        String query = """
                query($id: ID!) { organization(id: $id) { partners(first: 50) { edges { node { id kind status statusDate } } } } }""";
        JsonPath body = ok(ANONYMOUS.query(query, Map.of("id", "chuxiong-medical-college")));
        Map<String, Object> pairing = body.getMap(
                "data.organization.partners.edges.node.find { it.id == 'rel-sumhs-paired-with-chuxiong-medical-college' }");
        assertEquals("IN_COORDINATION", pairing.get("status"));
        assertEquals("2023-07-30", pairing.get("statusDate"));
        List<Map<String, Object>> supports = body.getList(
                "data.organization.partners.edges.node.findAll { it.kind == 'SUPPORTS' }");
        assertTrue(!supports.isEmpty() && supports.stream().allMatch(p -> p.get("status") == null), supports::toString);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            // D2023: "目前正在做名单收集前期工作，将于10月左右顺利开展".
            "prog-2023-seig-chuxiong-training | 2023 | 2023-10 | - | MONTH | PLANNED | 目前正在做名单收集前期工作，将于10月左右顺利开展",
            // D2023: "涉及培训资金133万元项目在有序推进中".
            "prog-2023-hu-dian-teacher-training | 2023 | - | - | - | UNDER_WAY | 涉及培训资金133万元项目在有序推进中",
            // D2023: "预计到9月份可圆满完成送读任务".
            "prog-2023-chuxiong-enrolment-to-shanghai | 2023 | - | 2023-09 | - | UNDER_WAY | 预计到9月份可圆满完成送读任务",
            // D2024: "2024年6月，根据上海市援青干部联络组“组团式”支援2024年工作计划".
            "prog-2024-hu-guo-professional-support | 2024 | 2024-06 | - | MONTH | DONE | 2024年6月，根据上海市援青干部联络组“组团式”支援2024年工作计划",
            // D2024: "2024年暑假期间" (AMBIGUITIES.md 40).
            "prog-2024-hu-dian-hometown-tour | 2024 | 2024-07 | 2024-08 | MONTH | DONE | 2024年暑假期间，沪滇职教联盟各个成员校委派专业骨干教师、专家",
            // D2018: "认真落实市政府合作交流办公室下达的工作任务（见附件1）".
            "prog-2018-training-table | 2018 | - | - | - | PLANNED | 认真落实市政府合作交流办公室下达的工作任务（见附件1）",
            "prog-2018-task-table | 2018 | - | - | - | PLANNED | 根据市教委确定的2018年教育对口支援主要工作任务（见附件2）",
            // No month in the document: the year stays, the date is unknown.
            "prog-2023-jiading-chuxiong-school-pairing | 2023 | - | - | - | - | 嘉定区教育局采取一对一的方式，加大对口帮扶力度",
            "prog-2018-training-01 | 2018 | - | - | - | - | 喀什“影子校长”培训…来沪进修…96…40…3个月…市师资培训中心"})
    void programmeDatesAndProgressAreTheDocumentsWords(String id, int year, String date, String endDate, String precision,
            String progress, String quote) {
        JsonPath body = ok(ANONYMOUS.file("timeline/dated", Map.of("id", id)));
        assertEquals(year, body.getInt("data.node.year"), "the year stays");
        assertEquals(date, body.get("data.node.date"));
        assertEquals(endDate, body.get("data.node.endDate"));
        assertEquals(precision, body.get("data.node.datePrecision"));
        assertEquals(progress, body.get("data.node.progress"));
        assertTrue(body.getList("data.node.citations.quote").contains(quote), body::prettify);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "evt-2023-04-yunnan-enrolment-meeting | 2023-04 | MONTH | DONE | 今年4月底，全省沪滇协作中职招生工作推进会议在楚雄州政务中心召开",
            "evt-2024-09-urban-construction-diagnostic-visit | 2024-09 | MONTH | DONE | 如今年9月底，上海城建职业学院来到喀什理工职业技术学院，现场对土木工程系开展诊断式调研指导",
            "evt-2023-kashgar-polytechnic-inauguration | 2023 | YEAR | - | 去年，喀什理工职业技术学院正式挂牌成立"})
    void eventDatesAndProgressAreTheDocumentsWords(String id, String date, String precision, String progress, String quote) {
        JsonPath body = ok(ANONYMOUS.file("timeline/dated", Map.of("id", id)));
        assertEquals(date, body.get("data.node.eventDate"));
        assertEquals(precision, body.get("data.node.eventDatePrecision"));
        assertEquals(progress, body.get("data.node.progress"));
        assertTrue(body.getList("data.node.citations.quote").contains(quote), body::prettify);
    }

    static String document(String name) {
        return switch (name) {
            case "D2018" -> D2018;
            case "D2023" -> D2023;
            default -> D2024;
        };
    }
}
