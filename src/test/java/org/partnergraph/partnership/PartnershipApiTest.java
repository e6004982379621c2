package org.partnergraph.partnership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.partnergraph.testing.Responses.assertError;
import static org.partnergraph.testing.Responses.ok;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.partnergraph.testing.GraphQLClient;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class PartnershipApiTest {

    static final GraphQLClient CLIENT = GraphQLClient.anonymous();

    static JsonPath supportersOf(String id, Integer first) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("id", id);
        variables.put("first", first);
        return CLIENT.file("partnership/supportersOf", variables);
    }

    static JsonPath partners(String id, String role, Integer first, String after) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("id", id);
        variables.put("role", role);
        variables.put("first", first);
        variables.put("after", after);
        return CLIENT.file("partnership/partners", variables);
    }

    @Test
    void supportersOfKashgarCivilEngineeringIsTheUrbanConstructionCollegeThroughYixiaoBaoxi() {
        JsonPath body = ok(supportersOf("kashgar-polytechnic-civil-engineering", null));
        List<Map<String, Object>> rows = body.getList("data.supportersOf");
        assertEquals(1, rows.size(), body::prettify);
        assertEquals("shanghai-urban-construction-vocational-college", body.getString("data.supportersOf[0].supporter.id"));
        assertEquals("SUPPORTS", body.getString("data.supportersOf[0].kind"));
        assertEquals("以校包系", body.getString("data.supportersOf[0].scheme"));
        assertEquals("Department", body.getString("data.supportersOf[0].supported.__typename"));
        assertEquals("doc-2024-news-vocational-alliances", body.getString("data.supportersOf[0].sources[0].id"));
        assertFalse(body.getString("data.supportersOf[0].citations[0].quote").isBlank());
    }

    @Test
    void supportersOfAnOrganizationIncludeSupportForItsDepartments() {
        JsonPath body = ok(supportersOf("kashgar-polytechnic", 500));
        List<String> supported = body.getList("data.supportersOf.supported.id");
        assertTrue(supported.contains("kashgar-polytechnic"));
        assertTrue(supported.contains("kashgar-polytechnic-civil-engineering"), supported::toString);
    }

    @Test
    void supportersOfARegionReachOrganizationsInItsSubregionsAndProgrammes() {
        JsonPath body = ok(supportersOf("yunnan", 500));
        List<String> supporters = body.getList("data.supportersOf.supporter.id");
        List<String> kinds = body.getList("data.supportersOf.kind");
        assertTrue(supporters.contains("jiading-education-bureau"), supporters::toString);
        assertTrue(kinds.contains("PAIRED_WITH") && kinds.contains("PROGRAMME"), kinds::toString);
        List<Map<String, Object>> programmes = body.getList("data.supportersOf.findAll { it.kind == 'PROGRAMME' }.programme");
        assertTrue(programmes.stream().allMatch(p -> p != null), "every PROGRAMME partnership names its programme");
        List<List<Object>> sources = body.getList("data.supportersOf.sources");
        assertTrue(sources.stream().allMatch(s -> !s.isEmpty()), "every partnership cites a document");
    }

    @Test
    void aRegionsOwnBodiesRunningProgrammesForItAreNotItsSupporters() {
        // 楚雄州教育体育局 runs the 送读 programme that targets 楚雄州: that is the region acting, not support.
        List<String> supporters = ok(supportersOf("yunnan-chuxiong", 500)).getList("data.supportersOf.supporter.id");
        assertFalse(supporters.contains("chuxiong-education-sports-bureau"), supporters::toString);
        assertTrue(supporters.contains("jiading-education-bureau"), supporters::toString);
    }

    @Test
    void supportersOfHonoursItsLimitAndChecksIt() {
        assertEquals(2, ok(supportersOf("yunnan", 2)).getList("data.supportersOf").size());
        assertError(supportersOf("yunnan", 0), "BAD_USER_INPUT", "first");
        assertError(supportersOf("yunnan", 501), "LIMIT_EXCEEDED", "first");
    }

    @Test
    void supportersOfUnknownIdIsNotFound() {
        assertError(supportersOf("no-such-department", null), "NOT_FOUND", "no-such-department");
    }

    @Test
    void partnersByRoleSeparateSupportersFromSupported() {
        JsonPath supported = ok(partners("shanghai-urban-construction-vocational-college", "SUPPORTED", 100, null));
        List<String> ids = supported.getList("data.organization.partners.edges.node.supported.id");
        assertTrue(ids.contains("kashgar-polytechnic-civil-engineering"), ids::toString);
        List<String> supporters = supported.getList("data.organization.partners.edges.node.supporter.id");
        assertTrue(supporters.stream().allMatch("shanghai-urban-construction-vocational-college"::equals));

        JsonPath supporting = ok(partners("kashgar-polytechnic", "SUPPORTER", 100, null));
        assertTrue(supporting.getList("data.organization.partners.edges.node.supporter.id")
                .contains("shanghai-urban-construction-vocational-college"));
    }

    @Test
    void partnersPageByPageCoverEveryPartnershipOnce() {
        int total = ok(partners("kashgar-polytechnic", "ANY", 1, null)).getInt("data.organization.partners.totalCount");
        assertTrue(total > 5, "enough partners to page: " + total);
        List<String> seen = new ArrayList<>();
        String after = null;
        boolean hasNext = true;
        while (hasNext) {
            JsonPath page = ok(partners("kashgar-polytechnic", "ANY", 5, after));
            seen.addAll(page.getList("data.organization.partners.edges.node.id"));
            hasNext = page.getBoolean("data.organization.partners.pageInfo.hasNextPage");
            after = page.getString("data.organization.partners.pageInfo.endCursor");
        }
        assertEquals(total, seen.size());
        assertEquals(total, new HashSet<>(seen).size());
    }

    @Test
    void partnersPageSizeIsCheckedEvenWhenNested() {
        assertError(partners("kashgar-polytechnic", "ANY", 101, null), "LIMIT_EXCEEDED", "first");
        assertError(partners("kashgar-polytechnic", "ANY", 5, "garbage"), "BAD_USER_INPUT", "after");
    }

    @Test
    void organizationWithoutPartnersHasAnEmptyConnection() {
        JsonPath body = ok(partners("smec-legal-affairs-division", "ANY", 5, null));
        assertEquals(0, body.getInt("data.organization.partners.totalCount"));
        assertFalse(body.getBoolean("data.organization.partners.pageInfo.hasNextPage"));
    }
}
