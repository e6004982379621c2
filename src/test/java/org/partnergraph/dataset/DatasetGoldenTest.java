package org.partnergraph.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.partnergraph.graph.Graph;
import org.partnergraph.testing.GraphQLClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.path.json.config.JsonPathConfig.NumberReturnType;

/**
 * Pins the curated dataset: how many nodes and relationships the bundles make, and the facts of the
 * three source documents as the API answers them. Each fact names the quote it rests on
 * (D2018 = 沪教委办〔2018〕39号, D2023 = 楚教复〔2023〕31号, D2024 = the 2024 news article).
 */
@QuarkusTest
class DatasetGoldenTest {

    static final String GOLDEN_COUNTS = "/dataset/golden/counts.json";
    static final String GOLDEN_OPEN_LISTS = "/dataset/golden/open-lists.json";
    static final String GOLDEN_FACTS = "/dataset/golden/facts.json";

    static final String D2018 = "doc-2018-hu-jiaowei-ban-39";
    static final String D2023 = "doc-2023-chu-jiaofu-31";
    static final String D2024 = "doc-2024-news-vocational-alliances";

    /*
     * Other test classes import small bundles and make writes of their own into the same graph during
     * the run, so the dataset is counted without them: a node is test data when its id starts with
     * test- or only test documents (doc-test-…) cite it (writes with generated ids), a relationship when
     * it or either end is. Internal nodes (__Projection, __Migration) are not part of the dataset and
     * graphStats leaves them out too.
     */
    static final String TEST_DATA = """
            (coalesce(%1$s.id, '') STARTS WITH 'test-'
             OR (size(coalesce(%1$s.sources, [])) > 0 AND all(s IN %1$s.sources WHERE s STARTS WITH 'doc-test-')))""";

    static final String TEST_NODE = TEST_DATA.formatted("n");

    static final String TEST_RELATIONSHIP = "(" + TEST_DATA.formatted("r") + " OR " + TEST_DATA.formatted("a") + " OR "
            + TEST_DATA.formatted("b") + ")";
    static final String DATASET_LABEL_COUNTS = """
            MATCH (n)
            WHERE NOT any(l IN labels(n) WHERE l STARTS WITH '__') AND NOT %s
            UNWIND labels(n) AS label
            RETURN label AS name, count(*) AS count
            """.formatted(TEST_NODE);

    static final String DATASET_TYPE_COUNTS = """
            MATCH (a)-[r:%s]->(b)
            WHERE NOT %s
            RETURN type(r) AS name, count(*) AS count
            """.formatted(BundleWriter.DATASET_TYPES, TEST_RELATIONSHIP);

    static final String TEST_LABEL_COUNTS = """
            MATCH (n)
            WHERE NOT any(l IN labels(n) WHERE l STARTS WITH '__') AND %s
            UNWIND labels(n) AS label
            RETURN label AS name, count(*) AS count
            """.formatted(TEST_NODE);

    static final String TEST_TYPE_COUNTS = """
            MATCH (a)-[r:%s]->(b)
            WHERE %s
            RETURN type(r) AS name, count(*) AS count
            """.formatted(BundleWriter.DATASET_TYPES, TEST_RELATIONSHIP);

    /** The API does not expose what a stated count is about or whom it names, so that is read here. */
    static final String STATED_COUNT = """
            MATCH (c:StatedCount {id: $id})-[:COUNTS]->(subject)
            RETURN subject.id AS subject, c.count AS count,
                   [(c)-[:NAMES]->(m) | m.id] AS named
            """;

    @Inject
    Graph graph;

    // ---- counts -------------------------------------------------------------------------------

    @Test
    void graphHoldsTheGoldenNumberOfNodesPerLabelAndRelationshipsPerType() {
        assertEquals(golden("labels"), counts(DATASET_LABEL_COUNTS), "nodes per label");
        assertEquals(golden("relationshipTypes"), counts(DATASET_TYPE_COUNTS), "relationships per type");
    }

    @Test
    void graphStatsReportsTheGoldenCountsPlusWhatTestBundlesAdded() {
        JsonPath body = GraphQLClient.as("alice", "analyst").file("dataset/graphStats");
        assertNull(body.get("errors"), body.prettify());

        // graphStats reads Neo4j's count store, which also counts the test bundles: add them to the golden.
        assertEquals(plus(golden("labels"), counts(TEST_LABEL_COUNTS)), namedCounts(body, "labels"));
        assertEquals(plus(golden("relationshipTypes"), counts(TEST_TYPE_COUNTS)),
                namedCounts(body, "relationshipTypes"));
    }

    @Test
    void bundlesAccountForEveryGoldenCount() {
        // Re-derived from the bundle files with the rules of dataset/README.md: one node per row, one
        // relationship per relationships[] row and one per structural field value.
        Map<String, Integer> labels = new TreeMap<>();
        Map<String, Integer> types = new TreeMap<>();
        BiConsumer<Map<String, Integer>, String> add = (map, key) -> map.merge(key, 1, Integer::sum);
        Map<String, String> sections = Map.of("regions", "Region", "organizations", "Organization",
                "departments", "Department", "majors", "Major", "agreements", "Agreement",
                "programmes", "Programme", "events", "Event", "statedCounts", "StatedCount");
        for (String file : DatasetSeeder.bundleFiles()) {
            JsonNode bundle = json("/dataset/bundles/" + file);
            sections.forEach((section, label) -> bundle.path(section).forEach(row -> {
                add.accept(labels, label);
                add.accept(labels, "Entity");
            }));
            bundle.path("relationships").forEach(row -> add.accept(types, row.path("type").asText()));
            bundle.path("regions").forEach(row -> {
                if (row.has("parent")) {
                    add.accept(types, "PART_OF");
                }
            });
            bundle.path("organizations").forEach(row -> {
                if (row.has("region")) {
                    add.accept(types, "LOCATED_IN");
                }
                if (row.has("parent")) {
                    add.accept(types, "PART_OF");
                }
            });
            bundle.path("departments").forEach(row -> add.accept(types, "HAS_DEPARTMENT"));
            bundle.path("majors").forEach(row -> {
                add.accept(types, "OFFERS");
                if (row.has("department")) {
                    add.accept(types, "OFFERS");
                }
            });
            bundle.path("programmes").forEach(row -> {
                if (row.has("partOf")) {
                    add.accept(types, "PART_OF");
                }
            });
            bundle.path("events").forEach(row -> {
                if (row.has("region")) {
                    add.accept(types, "LOCATED_IN");
                }
            });
            bundle.path("statedCounts").forEach(row -> {
                add.accept(types, "COUNTS");
                row.path("named").forEach(named -> add.accept(types, "NAMES"));
            });
        }

        assertEquals(golden("labels"), labels);
        assertEquals(golden("relationshipTypes"), types);
        JsonNode why = json(GOLDEN_COUNTS).path("why");
        for (String name : union(labels.keySet(), types.keySet())) {
            assertFalse(why.path(name).asText().isBlank(), "the golden file explains " + name);
        }
    }

    /**
     * Every stated count's openList as the golden file has it, in the bundles and through the API; an open list rests
     * on a quote that ends its list with 等 and names fewer members than it counts.
     */
    @Test
    void everyStatedCountHasTheGoldenOpenList() {
        JsonNode golden = json(GOLDEN_OPEN_LISTS);
        Map<String, Boolean> expected = new TreeMap<>();
        golden.path("openList").fields().forEachRemaining(e -> expected.put(e.getKey(), e.getValue().asBoolean()));
        Map<String, Boolean> inBundles = new TreeMap<>();
        for (String file : DatasetSeeder.bundleFiles()) {
            json("/dataset/bundles/" + file).path("statedCounts").forEach(row -> {
                String id = row.path("id").asText();
                assertTrue(row.path("openList").isBoolean(), id + " states openList");
                inBundles.put(id, row.path("openList").asBoolean());
                assertFalse(golden.path("why").path(id).asText().isBlank(), "the golden file explains " + id);
                if (row.path("openList").asBoolean()) {
                    assertTrue(row.path("named").size() < row.path("count").asInt(), id);
                    boolean open = false;
                    for (JsonNode source : row.path("sources")) {
                        open |= source.path("quote").asText().contains("等");
                    }
                    assertTrue(open, id + " is open on a quote with 等");
                }
            });
        }
        assertEquals(expected, inBundles);
        assertTrue(expected.containsValue(true) && expected.containsValue(false), expected.toString());
        for (Map.Entry<String, Boolean> count : expected.entrySet()) {
            JsonPath body = ok(GraphQLClient.anonymous().query("query($id: ID!) { node(id: $id) { ... on StatedCount { openList } } }",
                    Map.of("id", count.getKey())));
            assertEquals(count.getValue(), body.getBoolean("data.node.openList"), count.getKey());
        }
    }

    // ---- facts --------------------------------------------------------------------------------

    @Test
    void supporterOfKashgarCivilEngineeringIsUrbanConstructionCollege() {
        // D2024: "上海对照“以校包系”的任务清单，对喀什理工职业技术学院开展精准帮扶。如今年9月底，
        // 上海城建职业学院来到喀什理工职业技术学院，现场对土木工程系开展诊断式调研指导。"
        JsonPath body = ok(GraphQLClient.anonymous().file("dataset/departmentSupporters",
                Map.of("id", "kashgar-polytechnic-civil-engineering")));

        assertEquals("土木工程系", body.getString("data.department.name"));
        assertEquals("kashgar-polytechnic", body.getString("data.department.organization.id"));
        assertEquals(1, body.getList("data.supportersOf").size());
        assertEquals("SUPPORTS", body.getString("data.supportersOf[0].kind"));
        assertEquals("以校包系", body.getString("data.supportersOf[0].scheme"));
        assertEquals("shanghai-urban-construction-vocational-college", body.getString("data.supportersOf[0].supporter.id"));
        assertEquals("上海城建职业学院", body.getString("data.supportersOf[0].supporter.name"));
        assertEquals("kashgar-polytechnic-civil-engineering", body.getString("data.supportersOf[0].supported.id"));
        assertEquals("prog-2024-yixiao-baoxi-kashgar-polytechnic", body.getString("data.supportersOf[0].programme.id"));
        assertEquals(List.of(D2024), body.getList("data.supportersOf[0].sources.id"));
        assertTrue(body.getList("data.supportersOf[0].citations.quote", String.class).stream()
                .anyMatch(q -> q.contains("现场对土木工程系开展诊断式调研指导")));
    }

    @Test
    void jiadingPairingStatesSevenShanghaiAndNineChuxiongSchools() {
        // D2023: "由嘉定一中等7所学校（园）分别与我州双柏一中等9所学校（园）的结成帮扶对子".
        // Bundle 02 models it as a programme with two stated counts, each naming the one school the
        // text names, and no PAIRED_WITH between the two schools (AMBIGUITIES.md 22: 7 ≠ 9).
        JsonPath body = ok(GraphQLClient.anonymous().file("dataset/jiadingSchoolPairing"));

        assertEquals(7, body.getInt("data.shanghaiSchools.count"));
        assertEquals(9, body.getInt("data.chuxiongSchools.count"));
        assertEquals("嘉定区与楚雄州学校（园）一对一结对帮扶", body.getString("data.pairing.name"));
        assertEquals(2023, body.getInt("data.pairing.year"));
        assertEquals("上海市嘉定区第一中学", body.getString("data.jiadingNo1.name"));
        assertTrue(body.getList("data.jiadingNo1.shortNames").contains("嘉定一中"));
        assertEquals("shanghai-jiading", body.getString("data.jiadingNo1.region.id"));
        assertTrue(body.getList("data.jiadingNo1.programmes.id").contains("prog-2023-jiading-chuxiong-school-pairing"));
        // 双柏一中 is supported through the pairing that 嘉定区教育局 runs, not by a pairing with 嘉定一中.
        assertEquals(List.of("PROGRAMME"), body.getList("data.shuangbaiNo1Supporters.kind"));
        assertEquals("jiading-education-bureau", body.getString("data.shuangbaiNo1Supporters[0].supporter.id"));
        assertEquals("prog-2023-jiading-chuxiong-school-pairing",
                body.getString("data.shuangbaiNo1Supporters[0].programme.id"));

        assertEquals(Map.of("subject", "prog-2023-jiading-chuxiong-school-pairing", "count", 7L,
                "named", List.of("jiading-no1-high-school")), statedCount("count-2023-jiading-pairing-schools"));
        assertEquals(Map.of("subject", "prog-2023-jiading-chuxiong-school-pairing", "count", 9L,
                "named", List.of("shuangbai-no1-middle-school")), statedCount("count-2023-chuxiong-paired-schools"));
    }

    @Test
    void trainingTable2018RowsAddUpToTheStatedTotalOf659Point7() {
        // D2018 附件1: 12 rows, "合计 659.7"; rows 5, 6, 11 add "遵义自筹52万 / 60万 / 14万" outside the total.
        JsonPath body = ok(GraphQLClient.anonymous().file("dataset/trainingTable2018"))
                .using(new JsonPathConfig(NumberReturnType.BIG_DECIMAL));
        List<String> expectedFunding = List.of("96", "36", "72", "134.4", "20", "30", "10", "10", "10", "10", "7", "224.3");

        assertEquals(0, new BigDecimal("659.7").compareTo(decimal(body, "data.table.statedTotalFundingWan")));
        assertNull(body.get("data.table.fundingWan"), "the table's own amount is the sum of its rows, not a 13th amount");
        BigDecimal sum = BigDecimal.ZERO;
        BigDecimal selfFunded = BigDecimal.ZERO;
        for (int row = 1; row <= 12; row++) {
            String alias = "data.r%02d".formatted(row);
            assertEquals("prog-2018-training-%02d".formatted(row), body.getString(alias + ".id"));
            assertEquals(row, body.getInt(alias + ".sequence"));
            BigDecimal funding = decimal(body, alias + ".fundingWan");
            assertEquals(0, new BigDecimal(expectedFunding.get(row - 1)).compareTo(funding), alias);
            sum = sum.add(funding);
            BigDecimal self = decimal(body, alias + ".selfFundedWan");
            selfFunded = self == null ? selfFunded : selfFunded.add(self);
        }
        assertEquals(0, new BigDecimal("659.7").compareTo(sum), "the 12 rows add up to 合计 659.7, not " + sum);
        assertEquals(0, new BigDecimal("126").compareTo(selfFunded), "遵义自筹 52 + 60 + 14");
        // Row 1: "喀什“影子校长”培训 来沪进修 96 40 3个月 市师资培训中心".
        assertEquals("喀什“影子校长”培训", body.getString("data.r01.name"));
        assertEquals("COME_TO_SHANGHAI_STUDY", body.getString("data.r01.mode"));
        assertEquals("来沪进修", body.getString("data.r01.modeLabel"));
        assertEquals(40, body.getInt("data.r01.participants"));
        assertEquals("3个月", body.getString("data.r01.duration"));
        // Row 12: "中职联合办学 224.3" and nothing else in the row.
        assertEquals("中职联合办学", body.getString("data.r12.name"));
        assertNull(body.get("data.r12.participants"));
        assertNull(body.get("data.r12.duration"));
    }

    @Test
    void twentyTwoCollegesSignedWithKashgarPolytechnicOfWhichThreeAreNamed() {
        // D2024: "包括上海城建职业学院、上海闵行职业技术学院、上海健康医学院等22所院校与喀什理工职业技术学院签订对口帮扶协议".
        JsonPath body = ok(GraphQLClient.anonymous().file("dataset/kashgarPolytechnicPairing"));
        Set<String> named = Set.of("shanghai-urban-construction-vocational-college",
                "shanghai-minhang-vocational-technical-college", "shanghai-university-of-medicine-and-health-sciences");

        assertEquals(22, body.getInt("data.colleges.count"));
        List<Map<String, Object>> pairings = body.getList("data.supporters.findAll { it.kind == 'PAIRED_WITH' }");
        assertEquals(named, pairings.stream().map(p -> id(p.get("supporter"))).collect(Collectors.toSet()));
        pairings.forEach(p -> {
            assertEquals("对口帮扶", p.get("scheme"));
            assertEquals("kashgar-polytechnic", id(p.get("supported")));
        });
        for (String org : List.of("kashgarPolytechnic", "urbanConstruction", "minhang", "healthSciences")) {
            assertTrue(body.getList("data." + org + ".agreements.id").contains("agr-kashgar-polytechnic-pairing-agreements"), org);
        }
        Map<String, Object> stated = statedCount("count-2024-kashgar-polytechnic-pairing-colleges");
        assertEquals("agr-kashgar-polytechnic-pairing-agreements", stated.get("subject"));
        assertEquals(named, Set.copyOf((List<?>) stated.get("named")));
    }

    @Test
    void shanghaiVocationalSupportReliesOnTwentyEightVocationalGroupsAndThreeAlliances() {
        // D2024: "依托沪喀、沪果、沪滇三大职教联盟、28个职教集团及本市相关职业院校积极开展上海职业教育对口支援助力乡村振兴工作".
        JsonPath body = ok(GraphQLClient.anonymous().file("dataset/organizationStatedCounts",
                Map.of("id", "shanghai-vocational-support-coordination-group")));

        assertEquals("上海职业教育对口支援工作协调小组", body.getString("data.organization.name"));
        assertEquals(28, body.getInt("data.organization.statedCounts.find { it.id == 'count-2024-vocational-education-groups' }.count"));
        assertEquals(3, body.getInt("data.organization.statedCounts.find { it.id == 'count-2024-vocational-alliances' }.count"));
        // The article names none of the 28; the one known group comes from D2023 ("上海电子信息职业教育集团").
        assertEquals(List.of("shanghai-electronic-information-vocational-education-group"),
                statedCount("count-2024-vocational-education-groups").get("named"));
        assertEquals(Set.of("alliance-hu-ka", "alliance-hu-guo", "alliance-hu-dian"),
                Set.copyOf((List<?>) statedCount("count-2024-vocational-alliances").get("named")));
    }

    @Test
    void huDianAllianceSecretariatIsShanghaiInformationTechnologySchool() {
        // D2023: "6月底，沪滇职教联盟秘书处单位、上海信息技术学校党委书记…率队带队".
        JsonPath body = ok(GraphQLClient.anonymous().file("dataset/huDianSecretariat"));

        assertEquals("上海信息技术学校", body.getString("data.school.name"));
        assertEquals("SECONDARY_VOCATIONAL_SCHOOL", body.getString("data.school.kind"));
        assertEquals(List.of("alliance-hu-dian"), body.getList("data.school.secretariatOf.id"));
        assertEquals("沪滇职业教育联盟", body.getString("data.school.secretariatOf[0].name"));
        assertEquals("ALLIANCE", body.getString("data.alliance.kind"));
        assertTrue(body.getList("data.alliance.shortNames").containsAll(List.of("沪滇职教联盟", "沪滇联盟")));
        // D2024: "沪滇职教联盟各个成员校…上海市贸易学校与上海信息技术学校的师生们" (membership implied).
        assertTrue(body.getList("data.alliance.members.edges.node.id").contains("shanghai-information-technology-school"));
        assertTrue(body.getList("data.school.memberOf.id").contains("alliance-hu-dian"));
    }

    @ParameterizedTest(name = "{0} finds {1}")
    @CsvSource({
            // D2024: "沪滇联盟秘书处组织昭通、文山、丽江、曲靖的5位专业教师到沪".
            "沪滇联盟, alliance-hu-dian, 沪滇职业教育联盟",
            // D2023: "楚雄医专与上海健康医学院同根同源".
            "楚雄医专, chuxiong-medical-college, 楚雄医药高等专科学校",
            // D2024 always writes 喀什理工职业技术学院; 喀什理工 is the alias added for search (AMBIGUITIES.md 18).
            "喀什理工, kashgar-polytechnic, 喀什理工职业技术学院" })
    void searchFindsOrganizationByShortName(String shortName, String id, String officialName) {
        JsonPath body = ok(GraphQLClient.anonymous().file("dataset/search", Map.of("text", shortName)));

        assertEquals(id, body.getString("data.search[0].node.id"));
        assertEquals("Organization", body.getString("data.search[0].node.__typename"));
        assertEquals(officialName, body.getString("data.search[0].node.name"));
        assertTrue(body.getList("data.search[0].node.shortNames").contains(shortName));
        assertTrue(body.getFloat("data.search[0].score") > body.getFloat("data.search[1].score"),
                "the exact short name ranks first, ahead of the next hit");
    }

    @Test
    void chuxiongSendsOneHundredNinetyFiveStudentsToShanghai() {
        // D2023: "2023年省教育厅下达楚雄州送读195名初中毕业生到上海对口帮扶职业学校就读任务。
        // 根据7月中旬各市上报的数据，全州有预报名学生210人".
        JsonPath body = ok(GraphQLClient.anonymous().file("dataset/chuxiongEnrolment"));

        assertEquals(195, body.getInt("data.enrolment.participants"));
        assertEquals(2023, body.getInt("data.enrolment.year"));
        assertEquals("ENROLMENT", body.getString("data.enrolment.category"));
        assertEquals("ENROLMENT", body.getString("data.enrolment.mode"));
        assertEquals("送读", body.getString("data.enrolment.modeLabel"));
        assertEquals(210, body.getInt("data.preregistered.count"), "the 210 pre-registered are a separate count");
        assertTrue(body.getList("data.bureau.programmes.id").contains("prog-2023-chuxiong-enrolment-to-shanghai"));
        assertTrue(body.getList("data.province.programmes.id").contains("prog-2023-chuxiong-enrolment-to-shanghai"));
    }

    @Test
    void task2018HuDianCooperationHasFiveResponsibleOfficesAndTargetsYunnan() {
        // D2018 附件2, row 1: "云南 | 全面推进沪滇教育扶贫协作 | 委办公室（信息办）、人事处、基教处、职教处、高教处（同济大学）".
        JsonPath body = ok(GraphQLClient.anonymous().file("dataset/task2018"));

        assertEquals("全面推进沪滇教育扶贫协作", body.getString("data.task.name"));
        assertEquals("TASK", body.getString("data.task.category"));
        assertEquals(1, body.getInt("data.task.sequence"));
        assertEquals(2018, body.getInt("data.task.year"));
        // 17 offices of the commission appear in the task table; five are responsible for row 1.
        List<Map<String, Object>> offices = body.getList("data.offices.edges.node.findAll { !it.id.startsWith('test-') }");
        assertEquals(17, offices.size());
        offices.forEach(o -> assertEquals("shanghai-municipal-education-commission", id(o.get("parent")), id(o)));
        Set<String> responsible = offices.stream()
                .filter(o -> ids(o.get("programmes")).contains("task-2018-01"))
                .map(DatasetGoldenTest::id)
                .collect(Collectors.toSet());
        assertEquals(Set.of("smec-general-office", "smec-personnel-division", "smec-basic-education-division",
                "smec-vocational-education-division", "smec-higher-education-division"), responsible);
        // The 承办单位 in brackets runs it, and the 实施地区 is 云南.
        assertTrue(body.getList("data.tongji.programmes.id").contains("task-2018-01"));
        List<Map<String, Object>> viaTask = body.getList(
                "data.yunnanSupporters.findAll { it.programme != null && it.programme.id == 'task-2018-01' }");
        assertEquals(1, viaTask.size());
        assertEquals("PROGRAMME", viaTask.get(0).get("kind"));
        assertEquals("tongji-university", id(viaTask.get(0).get("supporter")));
        assertEquals("yunnan", id(viaTask.get(0).get("supported")));
    }

    @Test
    void documentsAreTheThreeSourceDocumentsWithTheirNumbers() {
        JsonPath body = ok(GraphQLClient.anonymous().file("dataset/documents"));
        // Test bundles add documents of their own (doc-test-…); the dataset's are the three seeds, oldest first.
        List<Map<String, Object>> documents = body.getList("data.documents.findAll { !it.id.startsWith('doc-test') }");

        assertEquals(List.of(D2018, D2023, D2024), documents.stream().map(DatasetGoldenTest::id).toList());
        assertEquals("沪教委办〔2018〕39号", documents.get(0).get("number"));
        assertEquals("2018-08-13", documents.get(0).get("date"));
        assertEquals("上海市教育委员会", documents.get(0).get("issuer"));
        assertEquals("NOTICE", documents.get(0).get("kind"));
        assertEquals("楚教复〔2023〕31号", documents.get(1).get("number"));
        assertEquals("2023-07-30", documents.get(1).get("date"));
        assertEquals("楚雄彝族自治州教育体育局", documents.get(1).get("issuer"));
        assertEquals("REPLY", documents.get(1).get("kind"));
        assertNull(documents.get(2).get("number"), "a news article has no document number");
        assertEquals("2024", documents.get(2).get("date"));
        assertEquals("NEWS", documents.get(2).get("kind"));
        assertEquals("2024年上海沪喀、沪果、沪滇职教联盟持续开展对口地帮扶工作", documents.get(2).get("title"));
    }

    @ParameterizedTest(name = "supporters of {0}")
    @ValueSource(strings = { "kashgar-polytechnic", "kashgar-polytechnic-civil-engineering", "chuxiong-medical-college",
            "golog-vocational-technical-school", "yunnan-chuxiong", "xinjiang", "tibet", "guizhou", "qinghai" })
    void everyPartnershipReturnedBySupportersOfCitesASourceDocument(String subject) {
        JsonPath body = ok(GraphQLClient.anonymous().file("dataset/supportersWithSources", Map.of("id", subject)));
        List<Map<String, Object>> partnerships = body.getList("data.supportersOf");

        assertFalse(partnerships.isEmpty(), subject + " has supporters");
        for (Map<String, Object> partnership : partnerships) {
            List<String> sources = ids(partnership.get("sources"));
            assertFalse(sources.isEmpty(), id(partnership) + " has a source document");
            assertTrue(Set.of(D2018, D2023, D2024).containsAll(sources), id(partnership) + " cites " + sources);
            List<?> citations = (List<?>) partnership.get("citations");
            assertFalse(citations.isEmpty(), id(partnership) + " has a quote");
            citations.forEach(c -> assertFalse(String.valueOf(((Map<?, ?>) c).get("quote")).isBlank(), id(partnership)));
        }
    }

    @Test
    void shuangbaiCountyIsInChuxiongWhichIsInYunnan() {
        // D2023: "我州双柏一中" (双柏 in 楚雄州) in a reply of 楚雄彝族自治州, 云南省.
        JsonPath body = ok(GraphQLClient.anonymous().file("dataset/regionHierarchy"));

        assertEquals("双柏县", body.getString("data.county.name"));
        assertEquals("COUNTY", body.getString("data.county.level"));
        assertEquals("yunnan-chuxiong", body.getString("data.county.parent.id"));
        assertEquals("楚雄彝族自治州", body.getString("data.county.parent.name"));
        assertTrue(body.getList("data.county.parent.shortNames").contains("楚雄州"));
        assertEquals("PREFECTURE", body.getString("data.county.parent.level"));
        assertEquals("yunnan", body.getString("data.county.parent.parent.id"));
        assertEquals("云南省", body.getString("data.county.parent.parent.name"));
        assertEquals("PROVINCE", body.getString("data.county.parent.parent.level"));
        assertNull(body.get("data.county.parent.parent.parent"), "a province is the top");
        assertTrue(body.getList("data.province.children.id").contains("yunnan-chuxiong"));
        assertEquals("双柏县第一中学", body.getString("data.school.name"));
        assertEquals("yunnan-chuxiong-shuangbai", body.getString("data.school.region.id"));
    }

    @Test
    void huDianTeacherTraining2023States133WanWithoutSplittingIt() {
        // D2023: "2023年沪滇协作项目教师帮扶教师培训共三个，即中小学管理干部到上海交流学习培训3个月、
        // 教学管理干部和骨干教师到上海跟岗培训15天和上海专家到楚雄…送学培训5天，涉及培训资金133万元".
        JsonPath body = ok(GraphQLClient.anonymous().file("dataset/huDianTeacherTraining2023"))
                .using(new JsonPathConfig(NumberReturnType.BIG_DECIMAL));

        assertEquals(0, new BigDecimal("133").compareTo(decimal(body, "data.group.statedTotalFundingWan")));
        assertEquals(2023, body.getInt("data.group.year"));
        List<String> durations = List.of("3个月", "15天", "5天");
        for (int part = 1; part <= 3; part++) {
            String alias = "data.p%02d".formatted(part);
            assertEquals(part, body.getInt(alias + ".sequence"));
            assertEquals(durations.get(part - 1), body.getString(alias + ".duration"));
            assertNull(body.get(alias + ".fundingWan"), "the text does not split the 133万元");
        }
        assertEquals("JOB_SHADOWING", body.getString("data.p02.mode"));
    }

    @Test
    void chuxiongMedicalCollegeIsSupportedAndItsPairingWithShanghaiHealthSciencesIsStillBeingCoordinated() {
        // D2023: "得到上海健康医学院等高校的大力支持" and, on 对口帮扶, "目前省上正在与上海方对接中".
        JsonPath body = ok(GraphQLClient.anonymous().file("dataset/supportersWithSources",
                Map.of("id", "chuxiong-medical-college")));

        List<Map<String, Object>> fromHealthSciences = body.getList(
                "data.supportersOf.findAll { it.supporter.id == 'shanghai-university-of-medicine-and-health-sciences' }");
        assertEquals(List.of("PAIRED_WITH", "SUPPORTS"), fromHealthSciences.stream().map(p -> p.get("kind")).toList());
        Map<String, Object> pairing = fromHealthSciences.get(0);
        assertEquals("IN_COORDINATION", pairing.get("status"), "the pairing was still being negotiated in July 2023");
        assertEquals("2023-07-30", pairing.get("statusDate"));
        assertEquals(List.of(Map.of("quote", "目前省上正在与上海方对接中", "document", Map.of("id", D2023))),
                pairing.get("statusCitations"));
        Map<String, Object> support = fromHealthSciences.get(1);
        assertEquals(List.of(D2023), ids(support.get("sources")));
        assertNull(support.get("status"), "the reply does not say how the stated support stands");
        assertTrue(body.getList("data.supportersOf.findAll { it.kind == 'PAIRED_WITH' && it.status != 'IN_COORDINATION' }")
                .isEmpty(), "no pairing in force");
    }

    @Test
    void huGuoAlliancePairsWithGologVocationalSchoolIn2018AndAgainIn2024() {
        // D2018 task 33: "依托沪果职业联盟，深化对口帮扶果洛州中等职业技术学校工作";
        // D2024: "上海-果洛职业教育联盟组织第一批上海专业师资团队，赴青海省果洛州职业技术学校开展…专业帮扶行动".
        JsonPath body = ok(GraphQLClient.anonymous().file("dataset/supportersWithSources",
                Map.of("id", "golog-vocational-technical-school")));

        List<Map<String, Object>> pairings = body.getList(
                "data.supportersOf.findAll { it.kind == 'PAIRED_WITH' && it.supporter.id == 'alliance-hu-guo' }");
        assertEquals(2, pairings.size(), "two facts from two documents, not merged");
        assertEquals(Set.of(D2018, D2024), pairings.stream().flatMap(p -> ids(p.get("sources")).stream())
                .collect(Collectors.toSet()));
    }

    @Test
    void kashgarPolytechnicPartnersListTheSameSupportersAsSupportersOf() {
        // Two ways to ask "who supports 喀什理工" must agree: the paged field and the query.
        JsonPath body = ok(GraphQLClient.anonymous().file("dataset/partnersAndSupporters",
                Map.of("id", "kashgar-polytechnic")));

        Set<String> fromQuery = new TreeSet<>(body.getList("data.supportersOf.id"));
        Set<String> fromField = new TreeSet<>(body.getList("data.organization.partners.edges.node.id"));
        assertEquals(fromQuery, fromField);
        assertEquals(fromQuery.size(), body.getInt("data.organization.partners.totalCount"));
        assertTrue(fromQuery.size() >= 12, "22所院校 pairings, 以校包系, 访学, trainings: " + fromQuery);
    }

    // ---- facts --------------------------------------------------------------------------------

    /** Each golden fact as {document, of, name, value, quote}, the way both sides below are compared. */
    static List<Map<String, String>> goldenFacts() {
        List<Map<String, String>> facts = new ArrayList<>();
        json(GOLDEN_FACTS).path("facts").fields().forEachRemaining(document -> document.getValue().forEach(fact ->
                facts.add(Map.of("document", document.getKey(), "of", fact.path("of").asText(),
                        "name", fact.path("name").asText(), "value", fact.path("value").asText(),
                        "quote", fact.path("quote").asText()))));
        return facts;
    }

    /** The bundles hold exactly the golden facts per document: none added or lost without the golden file saying so. */
    @Test
    void bundlesStateTheGoldenFactsPerDocument() {
        List<Map<String, String>> inBundles = new ArrayList<>();
        for (JsonNode bundle : SeedQuotesTest.bundles()) {
            bundle.fields().forEachRemaining(section -> section.getValue().forEach(row -> row.path("facts").forEach(
                    fact -> fact.path("sources").forEach(source -> inBundles.add(Map.of(
                            "document", source.path("document").asText(), "of", row.path("id").asText(),
                            "name", fact.path("name").asText(), "value", fact.path("value").asText(),
                            "quote", source.path("quote").asText()))))));
        }
        Comparator<Map<String, String>> order = Comparator.comparing((Map<String, String> f) -> f.get("document"))
                .thenComparing(f -> f.get("of")).thenComparing(f -> f.get("name")).thenComparing(f -> f.get("value"));
        assertEquals(goldenFacts().stream().sorted(order).toList(), inBundles.stream().sorted(order).toList());
        Map<String, Long> perDocument = goldenFacts().stream().collect(Collectors.groupingBy(f -> f.get("document"),
                TreeMap::new, Collectors.counting()));
        assertEquals(Map.of(D2018, 5L, D2023, 4L, D2024, 15L), perDocument, "facts per document");
    }

    /**
     * A curator's note stays only as a remark on modelling, with the AMBIGUITIES.md entry that explains it: the notes
     * in the bundles are exactly the golden ones, and each entry exists. Notes are never served (no field reads them).
     */
    @Test
    void curatorsNotesAreOnlyModellingRemarksEachWithItsAmbiguity() throws IOException {
        Map<String, Integer> golden = new TreeMap<>();
        json(GOLDEN_FACTS).path("notes").fields().forEachRemaining(e -> golden.put(e.getKey(), e.getValue().asInt()));
        Map<String, Integer> inBundles = new TreeMap<>();
        for (JsonNode bundle : SeedQuotesTest.bundles()) {
            bundle.path("relationships").forEach(row -> {
                if (row.path("attributes").has("note")) {
                    inBundles.put(row.path("id").asText(), golden.getOrDefault(row.path("id").asText(), -1));
                }
            });
        }
        assertEquals(golden, inBundles);
        assertEquals(13, golden.size());
        String ambiguities;
        try (InputStream in = DatasetGoldenTest.class.getResourceAsStream("/dataset/AMBIGUITIES.md")) {
            ambiguities = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        for (int entry : new TreeSet<>(golden.values())) {
            assertTrue(ambiguities.contains("\n" + entry + ". "), "AMBIGUITIES.md has entry " + entry);
        }
    }

    /**
     * The API answers every golden fact on the node or relationship that carries it (a relationship as a Link of
     * its start), with its name, value, quote and document, stated rather than implied.
     */
    @Test
    void theApiAnswersEveryGoldenFactWithItsQuote() {
        JsonNode golden = json(GOLDEN_FACTS).path("facts");
        int answered = 0;
        for (Map.Entry<String, JsonNode> document : (Iterable<Map.Entry<String, JsonNode>>) golden::fields) {
            for (JsonNode fact : document.getValue()) {
                boolean relationship = fact.has("from");
                JsonPath body = ok(relationship ? GraphQLClient.anonymous().file("dataset/factsOf", Map.of("id",
                        fact.path("from").asText(), "type", List.of(fact.path("type").asText())))
                        : GraphQLClient.anonymous().file("fact/nodeFacts", Map.of("id", fact.path("of").asText())));
                List<Map<String, Object>> facts = relationship
                        ? body.getList("data.node.links.edges.node.find { it.id == '" + fact.path("of").asText() + "' }.facts")
                        : body.getList("data.node.facts");
                Map<String, Object> expected = Map.of("name", fact.path("name").asText(), "value",
                        fact.path("value").asText(), "implied", false, "citations", List.of(Map.of(
                                "quote", fact.path("quote").asText(), "implied", false,
                                "document", Map.of("id", document.getKey()))));
                assertTrue(facts != null && facts.contains(expected), fact + " in " + facts);
                answered++;
            }
        }
        assertEquals(24, answered);
    }

    // ---- helpers ------------------------------------------------------------------------------

    private static JsonPath ok(JsonPath body) {
        assertNull(body.get("errors"), body.prettify());
        return body;
    }

    /** Amounts as exact decimals (JsonPath would read them as float); null when absent. */
    private static BigDecimal decimal(JsonPath body, String path) {
        Object value = body.get(path);
        return value == null ? null : new BigDecimal(value.toString());
    }

    private Map<String, Integer> counts(String cypher) {
        Map<String, Integer> counts = new TreeMap<>();
        graph.readList(cypher, Map.of(), r -> counts.put(r.get("name").asString(), r.get("count").asInt()));
        return counts;
    }

    private Map<String, Object> statedCount(String id) {
        return graph.readSingle(STATED_COUNT, Map.of("id", id), r -> Map.<String, Object>of(
                "subject", r.get("subject").asString(),
                "count", r.get("count").asLong(),
                "named", r.get("named").asList(v -> v.asString()))).orElseThrow();
    }

    private static Map<String, Integer> namedCounts(JsonPath body, String field) {
        Map<String, Integer> counts = new TreeMap<>();
        List<Map<String, Object>> rows = body.getList("data.graphStats." + field);
        rows.forEach(row -> counts.put((String) row.get("name"), (Integer) row.get("count")));
        return counts;
    }

    private static Map<String, Integer> golden(String section) {
        Map<String, Integer> counts = new TreeMap<>();
        json(GOLDEN_COUNTS).path(section).fields().forEachRemaining(e -> counts.put(e.getKey(), e.getValue().asInt()));
        return counts;
    }

    private static Map<String, Integer> plus(Map<String, Integer> a, Map<String, Integer> b) {
        Map<String, Integer> sum = new TreeMap<>(a);
        b.forEach((k, v) -> sum.merge(k, v, Integer::sum));
        return sum;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> union = new TreeSet<>(a);
        union.addAll(b);
        return union;
    }

    private static JsonNode json(String resource) {
        try (InputStream in = DatasetGoldenTest.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + resource);
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String id(Object node) {
        return (String) ((Map<?, ?>) node).get("id");
    }

    private static List<String> ids(Object nodes) {
        return ((List<?>) nodes).stream().map(DatasetGoldenTest::id).toList();
    }
}
