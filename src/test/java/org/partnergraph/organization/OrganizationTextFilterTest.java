package org.partnergraph.organization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.partnergraph.organization.OrganizationApiTest.organizations;
import static org.partnergraph.testing.Responses.ok;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.neo4j.driver.Driver;
import org.neo4j.driver.summary.Plan;
import org.partnergraph.common.PageRequest;
import org.partnergraph.graph.Graph;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** organizations(filter: {text}) folds the text as search does, matches English names, and starts from the name index. */
@QuarkusTest
class OrganizationTextFilterTest {

    @Inject
    Graph graph;

    @Inject
    Driver driver;

    static List<String> ids(String text) {
        return ok(organizations(Map.of("text", text), 100, null, null)).getList("data.organizations.edges.node.id");
    }

    @ParameterizedTest(name = "[{0}] {1} lists {2}")
    @CsvSource(delimiter = '|', value = {
            "English             | Kashgar Polytechnic | kashgar-polytechnic",
            "English, any case   | kashgar POLYTECHNIC | kashgar-polytechnic",
            "English word start  | Kashgar Poly        | kashgar-polytechnic",
            "traditional         | 楚雄醫專            | chuxiong-medical-college",
            "pinyin              | Chuxiong yizhuan    | chuxiong-medical-college",
            "pinyin with tones   | chǔxióng yīzhuān    | chuxiong-medical-college",
            "pinyin              | kashi ligong        | kashgar-polytechnic",
            "initials            | kslg                | kashgar-polytechnic" })
    void foldedTextListsExactlyTheOrganisationMeant(String way, String text, String id) {
        assertEquals(List.of(id), ids(text), way);
    }

    @Test
    void initialsListEveryNameOrShortNameThatStartsWithThem() {
        // 楚雄医专 (cxyz) and every body named 楚雄彝族自治州… (cxyzzzz…).
        List<String> cxyz = ids("cxyz");
        assertTrue(cxyz.containsAll(List.of("chuxiong-medical-college", "chuxiong-prefecture-government",
                "chuxiong-education-sports-bureau")), cxyz::toString);
        assertFalse(cxyz.contains("chuxiong-city-vocational-high-school"), cxyz::toString);
    }

    @Test
    void chineseTextStillListsExactlyTheNamesThatContainIt() {
        List<String> expected = graph.readList("""
                MATCH (o:Organization)
                WHERE o.name CONTAINS $text OR any(s IN coalesce(o.shortNames, []) WHERE s CONTAINS $text)
                RETURN o.id AS id ORDER BY o.name, o.id""", Map.of("text", "喀什"), r -> r.get("id").asString());
        assertTrue(expected.size() > 3);
        JsonPath body = ok(organizations(Map.of("text", "喀什"), 100, null, null));
        assertEquals(expected, body.getList("data.organizations.edges.node.id"));
        assertEquals(expected.size(), body.getInt("data.organizations.totalCount"));
        List<String> one = graph.readList("""
                MATCH (o:Organization) WHERE o.name CONTAINS '滇' OR any(s IN coalesce(o.shortNames, []) WHERE s CONTAINS '滇')
                RETURN o.id AS id ORDER BY o.name, o.id""", Map.of(), r -> r.get("id").asString());
        assertFalse(one.isEmpty());
        assertEquals(one, ids("滇"), "one character, wherever it stands in the name");
    }

    @Test
    void textCombinesWithMembershipRegionAndPages() {
        Map<String, Object> filter = new HashMap<>(Map.of("text", "shi", "memberOfId", "alliance-hu-dian"));
        JsonPath members = ok(organizations(filter, 100, null, null));
        int total = members.getInt("data.organizations.totalCount");
        assertTrue(total > 1);
        List<String> all = ok(organizations(Map.of("memberOfId", "alliance-hu-dian"), 100, null, null))
                .getList("data.organizations.edges.node.id");
        assertTrue(all.containsAll(members.getList("data.organizations.edges.node.id")));
        assertTrue(all.size() > total, "the text narrows the members");

        List<String> paged = new ArrayList<>();
        String after = null;
        do {
            JsonPath page = ok(organizations(filter, 1, after, null));
            paged.addAll(page.getList("data.organizations.edges.node.id"));
            after = page.getBoolean("data.organizations.pageInfo.hasNextPage")
                    ? page.getString("data.organizations.pageInfo.endCursor") : null;
        } while (after != null);
        assertEquals(members.getList("data.organizations.edges.node.id"), paged);

        List<String> inKashgar = ok(organizations(Map.of("text", "zhiye", "regionId", "xinjiang-kashgar"), 100, null, null))
                .getList("data.organizations.edges.node.id");
        assertTrue(inKashgar.contains("kashgar-vocational-technical-college"), inKashgar::toString);
        assertFalse(inKashgar.contains("shanghai-urban-construction-vocational-college"), inKashgar::toString);
    }

    @Test
    void theTextFilterStartsFromTheNameIndexNotFromEveryOrganisation() {
        Map<String, Object> parameters = new HashMap<>(OrganizationService.filterParameters(
                new OrganizationFilter(null, null, null, null, "kashi")));
        parameters.putAll(PageRequest.of(10, null, OrganizationSort.NAME.name()).parameters());
        for (String statement : List.of(OrganizationRepository.COUNT_FILTERED_BY_TEXT,
                OrganizationRepository.PAGE_BY_NAME_AND_TEXT, OrganizationRepository.PAGE_BY_ID_AND_TEXT)) {
            List<String> operators = new ArrayList<>();
            try (var session = driver.session()) {
                operators(session.run("EXPLAIN " + statement, parameters).consume().plan(), operators);
            }
            assertTrue(operators.stream().anyMatch(o -> o.startsWith("ProcedureCall")), operators::toString);
            assertTrue(operators.stream().noneMatch(o -> o.contains("LabelScan") || o.startsWith("AllNodesScan")),
                    operators::toString);
        }
    }

    private static void operators(Plan plan, List<String> into) {
        into.add(plan.operatorType());
        plan.children().forEach(child -> operators(child, into));
    }
}
