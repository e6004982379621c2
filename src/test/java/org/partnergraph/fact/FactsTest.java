package org.partnergraph.fact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.partnergraph.testing.Responses.assertError;
import static org.partnergraph.testing.Responses.ok;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.neo4j.driver.Value;
import org.partnergraph.read.CompiledReads;
import org.partnergraph.testing.GraphQLClient;
import org.partnergraph.testing.Snapshot;
import org.partnergraph.testing.WriteFixture;
import org.partnergraph.testing.WriteTest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The generic facts (FactName, the document's words, the quote): served on partnerships, links, edges,
 * participations and every node, in the read planner's one statement exactly as the resolvers answer them; taken by
 * createPartnership, upsertProgramme and importDataset under the importer's rules, refused whole naming the field.
 */
@QuarkusTest
class FactsTest extends WriteTest {

    static final GraphQLClient ANONYMOUS = GraphQLClient.anonymous();
    static final GraphQLClient ANALYST = GraphQLClient.as("alice", "analyst");
    static final GraphQLClient EDITOR = GraphQLClient.as("eddie", "editor");
    static final String D2018 = "doc-2018-hu-jiaowei-ban-39";
    static final String D2023 = "doc-2023-chu-jiaofu-31";
    static final String D2024 = "doc-2024-news-vocational-alliances";

    @Inject
    CompiledReads planner;

    static Map<String, Object> fact(String name, String value, String document, String quote) {
        return Map.of("name", name, "value", value, "implied", false, "citations",
                List.of(Map.of("quote", quote, "implied", false, "document", Map.of("id", document))));
    }

    // ---- seeded facts, served ----------------------------------------------------------------------

    @Test
    void seededFactsAreServedWithTheirQuotesOnAPartnershipALinkAParticipationAndANode() {
        JsonPath sit = ok(ANONYMOUS.file("fact/facts", Map.of("id", "shanghai-information-technology-school")));
        String quote = "就智能制造领域专业建设、教师发展、资源共享应用等方面，开展校校合作、交流培训活动";
        assertEquals(List.of(fact("FIELDS", "智能制造领域专业建设、教师发展、资源共享应用", D2023, quote),
                fact("ACTIVITIES", "校校合作、交流培训活动", D2023, quote)), sit.getList(
                "data.organization.partners.edges.node.find { it.id == 'rel-sit-supports-yunnan-modern-college' }.facts"));

        String guides = "上海信息技术学校两位云南学生…担任起了“小导游”";
        String visit = "data.organization.links.edges.node.find { it.id == 'rel-sit-participated-in-wenshan-visit' }";
        assertEquals(List.of(fact("ROLE", "云南学生担任起了“小导游”", D2024, guides)), sit.getList(visit + ".facts"));
        assertEquals(List.of(Map.of("measure", "STUDENTS", "value", 2, "unit", "位")), sit.getList(visit + ".quantities"),
                "the two students are a number, so a quantity, not part of the fact");
        assertEquals(List.of("云南学生担任起了“小导游”"), sit.getList(visit
                + ".node.participations.find { it.organization.id == 'shanghai-information-technology-school' }.facts.value"));

        JsonPath college = ok(ANONYMOUS.file("fact/nodeFacts",
                Map.of("id", "shanghai-construction-management-vocational-technical-college")));
        assertEquals(List.of(fact("ROLE", "世界技能大赛花艺项目中国基地", D2024, "上海建设管理职业技术学院是世界技能大赛花艺项目中国基地")),
                college.getList("data.node.facts"));
        JsonPath programme = ok(ANONYMOUS.file("fact/nodeFacts", Map.of("id", "prog-2024-kashgar-polytechnic-study-visit")));
        assertEquals(List.of("ACTIVITIES", "OUTCOME"), programme.getList("data.node.facts.name"));

        JsonPath edges = ok(ANALYST.file("fact/edgeFacts", Map.of("id", "kashgar-bilingual-education-research-centre")));
        assertEquals(List.of(fact("SUBJECTS", "小学数学、语文课程", D2018, "配合当地教育部门做好双语教研中心建设（小学数学、语文课程）")),
                edges.getList("data.neighbourhood.edges.find { it.id == 'rel-shnu-supports-kashgar-bilingual-centre' }.facts"));
    }

    @Test
    void aNodeOrRelationshipWithoutStatedFactsHasNone() {
        JsonPath body = ok(ANONYMOUS.file("fact/nodeFacts", Map.of("id", "kashgar-polytechnic")));
        assertEquals(List.of(), body.getList("data.node.facts"));
    }

    /** Every fact the graph serves is text with its quote: no number standing alone, no fact without a citation. */
    @Test
    void noServedFactIsANumberAloneOrWithoutItsQuote() {
        List<Fact> facts = new ArrayList<>();
        graph.read(tx -> tx.list("""
                CALL { MATCH (n) WHERE n.facts IS NOT NULL RETURN n.facts AS facts
                       UNION ALL MATCH ()-[r]->() WHERE r.facts IS NOT NULL RETURN r.facts AS facts }
                RETURN facts""", Map.of(), r -> r.get("facts"))).forEach((Value stored) -> facts.addAll(StatedFacts.storedFacts(stored)));
        assertTrue(facts.size() >= 24, "the curated facts at least: " + facts.size());
        for (Fact fact : facts) {
            assertFalse(StatedFacts.isBareNumber(fact.value()), fact.toString());
            assertFalse(fact.citations().isEmpty(), fact.toString());
            fact.citations().forEach(c -> assertFalse(c.quote().isBlank(), fact.toString()));
        }
    }

    // ---- the read planner ----------------------------------------------------------------------

    long statements(Supplier<JsonPath> request) {
        long before = graph.roundTrips();
        ok(request.get());
        return graph.roundTrips() - before;
    }

    @ParameterizedTest
    @ValueSource(strings = {"shanghai-information-technology-school", "shanghai-construction-management-vocational-technical-college",
            "alliance-hu-guo", "shanghai-normal-university", "shanghai-commerce-tourism-school", "shanghai-municipal-education-commission"})
    void factsOfPartnershipsLinksParticipationsAndNodesAreOneStatementAndWhatTheResolversAnswer(String id) {
        Map<String, Object> variables = Map.of("id", id);
        assertEquals(1, statements(() -> ANONYMOUS.file("fact/facts", variables)));
        String compiled = ANONYMOUS.file("fact/facts", variables).prettify();
        planner.enabled(false);
        String resolved;
        try {
            resolved = ANONYMOUS.file("fact/facts", variables).prettify();
        } finally {
            planner.enabled(true);
        }
        assertFalse(compiled.contains("\"errors\""), compiled);
        assertTrue(compiled.contains("\"citations\""), "facts are selected and some are stated around " + id);
        assertEquals(resolved, compiled);
    }

    // ---- writes --------------------------------------------------------------------------------

    static Map<String, Object> input(Object... fields) {
        return WriteFixture.input(Map.of("name", "SUBJECTS", "value", "小学数学、语文课程",
                "source", WriteFixture.source("双语教研中心建设（小学数学、语文课程）")), fields);
    }

    static JsonPath create(String supported, List<Map<String, Object>> facts) {
        return EDITOR.file("fact/createWithFacts", Map.of("input", Map.of("kind", "SUPPORTS",
                "supporterId", WriteFixture.COLLEGE, "supportedId", supported, "source", WriteFixture.source("支持"),
                "facts", facts)));
    }

    static JsonPath upsert(String id, List<Map<String, Object>> facts) {
        Map<String, Object> input = new HashMap<>(Map.of("id", id, "name", "测试访学项目", "category", "EXCHANGE",
                "mode", "OTHER", "year", 2025, "source", WriteFixture.source("访学")));
        if (facts != null) {
            input.put("facts", facts);
        }
        return EDITOR.file("fact/upsertWithFacts", Map.of("input", input));
    }

    static String school(String id) {
        ok(EDITOR.file("organization/upsertOrganization", Map.of("input", Map.of("id", id, "name", "写测" + id,
                "kind", "SCHOOL", "source", WriteFixture.source("写测")))));
        return id;
    }

    @Test
    void aPartnershipsFactsAreWrittenThroughTheChangeLogAndReadBack() {
        String school = school("test-w-f-supported");
        JsonPath body = ok(create(school, List.of(input(), input("name", "ROLE", "value", "校企合作单位",
                "source", Map.of("documentId", WriteFixture.DOCUMENT, "quote", "作为校企合作单位", "implied", true)))));
        assertEquals("APPLIED", body.getString("data.createPartnership.change.status"));
        List<Map<String, Object>> facts = body.getList("data.createPartnership.partnership.facts");
        assertEquals(List.of(fact("SUBJECTS", "小学数学、语文课程", WriteFixture.DOCUMENT, "双语教研中心建设（小学数学、语文课程）"),
                Map.of("name", "ROLE", "value", "校企合作单位", "implied", true, "citations", List.of(Map.of(
                        "quote", "作为校企合作单位", "implied", true, "document", Map.of("id", WriteFixture.DOCUMENT))))), facts);

        JsonPath read = ok(ANONYMOUS.file("fact/facts", Map.of("id", WriteFixture.COLLEGE)));
        String id = body.getString("data.createPartnership.partnership.id");
        assertEquals(facts, read.getList("data.organization.partners.edges.node.find { it.id == '" + id + "' }.facts"));
        assertEquals(facts, read.getList("data.organization.links.edges.node.find { it.id == '" + id + "' }.facts"));
    }

    @Test
    void aProgrammesFactsAreReplacedWhenGivenAndKeptWhenNot() {
        ok(upsert("test-w-f-programme", List.of(input("name", "ACTIVITIES", "value", "项目实训、仿真模拟"))));
        JsonPath kept = ok(upsert("test-w-f-programme", null));
        assertEquals(List.of("项目实训、仿真模拟"), kept.getList("data.upsertProgramme.programme.facts.value"));

        JsonPath replaced = ok(upsert("test-w-f-programme", List.of(input("name", "OUTCOME", "value", "颁发结业证书"))));
        assertEquals(List.of("OUTCOME"), replaced.getList("data.upsertProgramme.programme.facts.name"));
        assertEquals(List.of("颁发结业证书"), ok(ANONYMOUS.file("fact/nodeFacts", Map.of("id", "test-w-f-programme")))
                .getList("data.node.facts.value"));

        JsonPath cleared = ok(upsert("test-w-f-programme", List.of()));
        assertEquals(List.of(), cleared.getList("data.upsertProgramme.programme.facts"));
    }

    @Test
    void badFactsAreRefusedNamingTheFieldAndNothingIsWritten() {
        String school = school("test-w-f-invalid");
        Snapshot before = snapshot();

        assertError(create(school, List.of(input("value", ""))), "BAD_USER_INPUT", "input.facts[0].value: must not be blank");
        assertError(create(school, List.of(input("value", "很".repeat(201)))), "BAD_USER_INPUT",
                "input.facts[0].value: longer than 200 characters");
        assertError(create(school, List.of(input("value", "小学\u0007数学"))), "BAD_USER_INPUT",
                "input.facts[0].value: must not contain control characters");
        assertError(create(school, List.of(input("value", "联系电话 13912345678"))), "BAD_USER_INPUT",
                "input.facts[0].value: ");
        assertError(create(school, List.of(input(), input("value", "约10场"))), "BAD_USER_INPUT",
                "input.facts[1].value: '约10场' is a number alone; a number goes in quantities");
        assertError(create(school, List.of(input("source", Map.of("documentId", "doc-nothing", "quote", "课程")))),
                "BAD_USER_INPUT", "input.facts[0].source.documentId: unknown document 'doc-nothing'");
        assertError(create(school, List.of(input("source", Map.of("documentId", WriteFixture.DOCUMENT, "quote", " ")))),
                "BAD_USER_INPUT", "input.facts[0].source.quote: a short supporting quote is required");
        assertError(create(school, List.of(input("name", "MEDALS"))), "BAD_USER_INPUT", "MEDALS");
        assertError(upsert("test-w-f-bad", List.of(input("value", "3门"))), "BAD_USER_INPUT",
                "input.facts[0].value: '3门' is a number alone");

        assertEquals(before, snapshot());
    }

    /** A bundle with one bad fact is refused whole: its good rows are not written either. */
    @Test
    void aBundleWithABadFactWritesNothing() {
        String good = QuantityWritesTest.goodBundle().replace("test-good", "test-f-import");
        String facts = "\"facts\": [{\"name\": \"ROLE\", \"value\": \"22\", \"sources\": [{\"document\": "
                + "\"doc-test-f-import\", \"quote\": \"以校包系\"}]}, {\"name\": \"TASKS\", \"value\": \"帮扶\", \"sources\": "
                + "[{\"document\": \"doc-test-f-import\", \"quote\": \"帮扶\"}]}, {\"name\": \"ROLE\", \"value\": \"帮扶\"}], ";
        String bad = good.replace("\"scheme\": \"以校包系\", ", "\"scheme\": \"以校包系\", " + facts);
        Snapshot before = snapshot();

        JsonPath body = EDITOR.file("dataset/importDataset", Map.of("bundle", bad, "dryRun", false));
        assertError(body, "BAD_USER_INPUT", "facts[0].value: '22' is a number alone");
        assertError(body, "BAD_USER_INPUT", "facts[1].name: unknown value 'TASKS'");
        assertError(body, "BAD_USER_INPUT", "facts[2].sources: at least one source {document, quote} is required");
        assertEquals(before, snapshot());

        JsonPath fine = ok(EDITOR.file("dataset/importDataset", Map.of("bundle", good.replace("\"scheme\": \"以校包系\", ",
                "\"scheme\": \"以校包系\", \"facts\": [{\"name\": \"SCOPE\", \"value\": \"土木系\", \"sources\": [{\"document\": "
                        + "\"doc-test-f-import\", \"quote\": \"以校包系\"}]}], "), "dryRun", false)));
        assertNotNull(fine.get("data"));
        assertEquals(List.of("土木系"), ok(ANONYMOUS.file("fact/facts", Map.of("id", "test-f-import-college")))
                .getList("data.organization.links.edges.node.find { it.id == 'rel-test-f-import-supports' }.facts.value"));
    }
}
