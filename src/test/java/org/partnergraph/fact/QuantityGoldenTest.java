package org.partnergraph.fact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.partnergraph.testing.Responses.ok;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.partnergraph.graph.Graph;
import org.partnergraph.testing.GraphQLClient;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The numbers and prizes the documents state, as the API answers them: each row is the document's number, its
 * measure word and qualifier as written, and the sentence that states it (D2023 = 楚教复〔2023〕31号, D2024 = the 2024
 * news article). Read on every view a client uses: the relationship as an Edge, the partnership, the event's
 * participations, the programme or event itself.
 */
@QuarkusTest
class QuantityGoldenTest {

    static final GraphQLClient ANONYMOUS = GraphQLClient.anonymous();
    static final GraphQLClient ANALYST = GraphQLClient.as("alice", "analyst");
    static final String D2023 = "doc-2023-chu-jiaofu-31";
    static final String D2024 = "doc-2024-news-vocational-alliances";

    static final String MINGRI = "澜沧职高的2位教师在全国第八届“明日之星”厨艺大赛中荣获一金一银";
    static final String PUER = "5位教师在普洱市“创赢普洱”中式烹调师、中式面点师职业技能竞赛中，荣获3个二等奖和2个三等奖";
    static final String BRICS = "帮助两位学生获得“一带一路”暨金砖国家技能发展与技术创新大赛计算机软件测试项目优秀奖";

    @Inject
    Graph graph;

    static String document(String name) {
        return "D2023".equals(name) ? D2023 : D2024;
    }

    static Map<String, Object> quantity(String measure, int value, String unit, String qualifier, String document,
            String quote) {
        Map<String, Object> expected = new HashMap<>();
        expected.put("measure", measure);
        expected.put("value", value);
        expected.put("unit", unit);
        expected.put("approximate", qualifier != null);
        expected.put("qualifier", qualifier);
        expected.put("citations", List.of(Map.of("quote", quote, "implied", false, "document",
                Map.of("id", document(document)))));
        return expected;
    }

    /** Relationship | the node whose neighbourhood shows it | measure | value | unit | qualifier | document | quote. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "rel-sit-runs-lectures-chuxiong | evt-2023-06-sit-lectures-chuxiong | LECTURES | 3 | 场次 | - | D2023 | 为楚雄州相关职业院校教师开展培训讲座3场次",
            "rel-hu-ka-runs-lectures | prog-2024-hu-ka-lectures-kashgar-polytechnic | LECTURES | 10 | 场 | 约 | D2024 | 沪喀职教联盟院校也积极组织教授、专业辅导员等前往喀什理工职业技术学院开展约10场相关专题讲座",
            "rel-hu-ka-runs-teacher-workshop | prog-2024-teacher-workshop-send-teaching | EXPERTS | 15 | 位 | - | D2024 | 15位上海职教专家赴喀什职业技术学院、喀什理工职业技术学院开展2024年教师工作坊送教上门活动",
            "rel-seiv-network-major-co-builds-kashgar-electronic-information | kashgar-polytechnic-electronic-information | COURSES | 3 | 门 | - | D2024 | 上海电子信息职业技术学院计算机网络技术专业与喀什理工职业技术学院电子信息系共同合作建设3门专业核心课程",
            "rel-seiv-network-major-co-builds-kashgar-electronic-information | kashgar-polytechnic-electronic-information | JOINT_TEACHING_RESEARCH_OFFICES | 3 | 个 | - | D2024 | 合作成立3个联合教研室",
            "rel-study-visit-targets-kashgar-polytechnic | prog-2024-kashgar-polytechnic-study-visit | STUDENTS | 22 | 人 | - | D2024 | 由喀什理工职业技术学院选送对口帮扶专业优秀学生22人",
            "rel-study-visit-targets-kashgar-polytechnic | prog-2024-kashgar-polytechnic-study-visit | ACCOMPANYING_TEACHERS | 2 | 人 | - | D2024 | 带队教师两人",
            "rel-lancang-awardee-mingri-zhixing | evt-mingri-zhixing-8th-culinary-competition | TEACHERS | 2 | 位 | - | D2024 | " + MINGRI,
            "rel-lancang-awardee-chuangying-puer | evt-chuangying-puer-cooking-competition | TEACHERS | 5 | 位 | - | D2024 | " + PUER,
            "rel-yuanyang-awardee-belt-road-brics | evt-belt-road-brics-skills-competition | STUDENTS | 2 | 位 | - | D2024 | " + BRICS,
            "rel-sit-participated-in-wenshan-visit | evt-2024-hometown-tour-wenshan | STUDENTS | 2 | 位 | - | D2024 | "
                    + "上海信息技术学校两位云南学生…担任起了“小导游”"})
    void everyStatedQuantityOfARelationshipIsOnItsEdgeWithItsQuote(String relationship, String centre, String measure,
            int value, String unit, String qualifier, String document, String quote) {
        JsonPath body = ok(ANALYST.file("fact/edges", Map.of("id", centre)));
        List<Map<String, Object>> quantities = body.getList(
                "data.neighbourhood.edges.find { it.id == '" + relationship + "' }.quantities");
        assertNotNull(quantities, relationship + " is not around " + centre);
        assertEquals(List.of(quantity(measure, value, unit, qualifier, document, quote)),
                quantities.stream().filter(q -> q.get("measure").equals(measure)).toList());
    }

    /** Relationship | contest | level | count (- when none is stated) | unit | category | quote. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "rel-lancang-awardee-mingri-zhixing | evt-mingri-zhixing-8th-culinary-competition | 金 | 1 | - | - | " + MINGRI,
            "rel-lancang-awardee-mingri-zhixing | evt-mingri-zhixing-8th-culinary-competition | 银 | 1 | - | - | " + MINGRI,
            "rel-lancang-awardee-chuangying-puer | evt-chuangying-puer-cooking-competition | 二等奖 | 3 | 个 | - | " + PUER,
            "rel-lancang-awardee-chuangying-puer | evt-chuangying-puer-cooking-competition | 三等奖 | 2 | 个 | - | " + PUER,
            "rel-yuanyang-awardee-belt-road-brics | evt-belt-road-brics-skills-competition | 优秀奖 | - | - | 计算机软件测试项目 | " + BRICS})
    void everyStatedAwardIsOnTheAwardeesParticipationAndItsEdge(String relationship, String contest, String level,
            Integer count, String unit, String category, String quote) {
        Map<String, Object> expected = new HashMap<>();
        expected.put("level", level);
        expected.put("count", count);
        expected.put("unit", unit);
        expected.put("category", category);
        expected.put("contestId", contest);
        expected.put("citations", List.of(Map.of("quote", quote, "implied", false, "document", Map.of("id", D2024))));

        JsonPath edges = ok(ANALYST.file("fact/edges", Map.of("id", contest)));
        Map<String, Object> edge = edges.getMap("data.neighbourhood.edges.find { it.id == '" + relationship + "' }");
        expected.put("awardeeId", edge.get("from"));
        assertEquals(List.of(expected), awardsAt(edge.get("awards"), level));

        JsonPath event = ok(ANONYMOUS.file("fact/stated", Map.of("id", contest)));
        List<Map<String, Object>> awardees = event.getList(
                "data.node.participations.findAll { it.role == 'AWARDEE' && it.organization.id == '" + edge.get("from") + "' }");
        assertEquals(1, awardees.size(), awardees::toString);
        assertEquals(List.of(expected), awardsAt(awardees.get(0).get("awards"), level));
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> awardsAt(Object awards, String level) {
        return ((List<Map<String, Object>>) awards).stream().filter(a -> level.equals(a.get("level"))).toList();
    }

    /** The awardee's people counted on the participation, as on the edge. */
    @Test
    void theParticipationCarriesTheTeachersWhoWon() {
        JsonPath event = ok(ANONYMOUS.file("fact/stated", Map.of("id", "evt-chuangying-puer-cooking-competition")));
        assertEquals(List.of(quantity("TEACHERS", 5, "位", null, "D2024", PUER)), event.getList(
                "data.node.participations.find { it.organization.id == 'lancang-vocational-high-school' }.quantities"));
    }

    /** A participants count the document qualifies comes back approximate, with the qualifier as written. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "evt-2023-06-sit-lectures-chuxiong | 80 | 人 | 余 | D2023 | 为楚雄州相关职业院校教师开展培训讲座3场次，共80余人参加培训",
            "prog-2024-kashgar-teachers-shanghai-training | 60 | 名 | 约…余 | D2024 | 莎车县、泽普县、巴楚县、叶城县中等职业技术学校以及喀什理工职业技术学院约60余名骨干专业教师"})
    void qualifiedParticipantCountsAreApproximate(String id, int value, String unit, String qualifier, String document,
            String quote) {
        JsonPath body = ok(ANONYMOUS.file("fact/stated", Map.of("id", id)));
        assertEquals(value, body.getInt("data.node.participants"));
        assertEquals(List.of(quantity("PARTICIPANTS", value, unit, qualifier, document, quote)),
                body.getList("data.node.quantities"));
    }

    /** Partnership | subject | measures as the partnership answers them (measure=value+qualifier). */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "kashgar-polytechnic-electronic-information | rel-seiv-network-major-co-builds-kashgar-electronic-information | COURSES=3, JOINT_TEACHING_RESEARCH_OFFICES=3",
            "kashgar-polytechnic | rel-hu-ka-runs-lectures~rel-lectures-targets-kashgar-polytechnic | LECTURES=10约",
            "kashgar-polytechnic | rel-hu-ka-runs-kashgar-polytechnic-study-visit~rel-study-visit-targets-kashgar-polytechnic | STUDENTS=22, ACCOMPANYING_TEACHERS=2"})
    void partnershipsCarryTheNumbersOfTheirLinks(String subject, String partnership, String measures) {
        JsonPath body = ok(ANONYMOUS.file("fact/supporters", Map.of("id", subject)));
        List<Map<String, Object>> quantities = body.getList(
                "data.supportersOf.find { it.id == '" + partnership + "' }.quantities");
        assertNotNull(quantities, partnership + " not among the supporters of " + subject);
        List<String> answered = new ArrayList<>();
        for (Map<String, Object> q : quantities) {
            answered.add(q.get("measure") + "=" + q.get("value") + (q.get("qualifier") == null ? "" : q.get("qualifier")));
        }
        assertEquals(List.of(measures.split(", ")), answered);
    }

    /**
     * The 约 of "约10场": value 10, approximate, qualifier 约; the note "约10场" that repeated it as text is gone
     * (AMBIGUITIES.md 77): the number lives in the quantity only.
     */
    @Test
    void aboutTenLecturesIsTenApproximately() {
        JsonPath body = ok(ANALYST.file("fact/edges", Map.of("id", "prog-2024-hu-ka-lectures-kashgar-polytechnic")));
        Map<String, Object> lectures = body.getMap(
                "data.neighbourhood.edges.find { it.id == 'rel-hu-ka-runs-lectures' }.quantities[0]");
        assertEquals(10, lectures.get("value"));
        assertEquals(true, lectures.get("approximate"));
        assertEquals("约", lectures.get("qualifier"));
        boolean noted = graph.readSingle("MATCH ()-[r {id: 'rel-hu-ka-runs-lectures'}]->() RETURN r.note IS NOT NULL AS noted",
                Map.of(), r -> r.get("noted").asBoolean()).orElseThrow(() -> new AssertionError("no rel-hu-ka-runs-lectures"));
        assertEquals(false, noted);
    }

    /**
     * Nothing invented and nothing left behind: the dataset's quantities and awards are exactly the rows above, and no
     * relationship keeps a number as an untyped attribute.
     */
    @Test
    void theDatasetStatesNoOtherNumbersAndKeepsNoneUntyped() {
        Set<String> typed = new TreeSet<>(graph.readList("""
                MATCH (x) WHERE (x.quantities CONTAINS $d2023 OR x.quantities CONTAINS $d2024) RETURN x.id AS id
                UNION
                MATCH ()-[x]->() WHERE (x.quantities CONTAINS $d2023 OR x.quantities CONTAINS $d2024
                      OR x.awards CONTAINS $d2024) RETURN x.id AS id
                """, Map.of("d2023", D2023, "d2024", D2024), r -> r.get("id").asString()));
        assertEquals(new TreeSet<>(List.of("evt-2023-06-sit-lectures-chuxiong", "prog-2024-kashgar-teachers-shanghai-training",
                "rel-sit-runs-lectures-chuxiong", "rel-hu-ka-runs-lectures", "rel-hu-ka-runs-teacher-workshop",
                "rel-seiv-network-major-co-builds-kashgar-electronic-information",
                "rel-study-visit-targets-kashgar-polytechnic", "rel-lancang-awardee-mingri-zhixing",
                "rel-lancang-awardee-chuangying-puer", "rel-yuanyang-awardee-belt-road-brics",
                "rel-sit-participated-in-wenshan-visit")), typed);
        List<String> untyped = graph.readList("""
                MATCH ()-[r]->() WHERE any(k IN ['lectures', 'experts', 'courses', 'jointTeachingResearchOffices',
                      'students', 'teachers', 'accompanyingTeachers', 'gold', 'silver', 'secondPrizes', 'thirdPrizes',
                      'award'] WHERE r[k] IS NOT NULL)
                RETURN r.id AS id
                """, Map.of(), r -> r.get("id").asString());
        assertEquals(List.of(), untyped);
    }
}
