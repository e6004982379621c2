package org.partnergraph.organization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.partnergraph.testing.Responses.assertError;
import static org.partnergraph.testing.Responses.ok;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.partnergraph.graph.Graph;
import org.partnergraph.testing.GraphQLClient;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class OrganizationApiTest {

    static final GraphQLClient CLIENT = GraphQLClient.anonymous();

    @Inject
    Graph graph;

    static JsonPath organizations(Map<String, Object> filter, Integer first, String after, String sort) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("filter", filter);
        variables.put("first", first);
        variables.put("after", after);
        variables.put("sort", sort);
        return CLIENT.file("organization/organizations", variables);
    }

    @Test
    void organizationHasItsShortNamesRegionAndSources() {
        JsonPath body = ok(CLIENT.file("organization/organization", Map.of("id", "chuxiong-medical-college")));
        assertEquals("楚雄医药高等专科学校", body.getString("data.organization.name"));
        assertTrue(body.getList("data.organization.shortNames").contains("楚雄医专"));
        assertEquals("yunnan-chuxiong", body.getString("data.organization.region.id"));
        assertFalse(body.getList("data.organization.sources").isEmpty());
        assertFalse(body.getString("data.organization.citations[0].quote").isBlank());
    }

    @Test
    void unknownOrganizationIsNull() {
        JsonPath body = ok(CLIENT.file("organization/organization", Map.of("id", "no-such-organization")));
        assertNull(body.get("data.organization"));
    }

    @Test
    void allianceListsItsMembersAndSchoolItsSecretariat() {
        JsonPath alliance = ok(CLIENT.file("organization/organization", Map.of("id", "alliance-hu-dian")));
        assertTrue(alliance.getInt("data.organization.members.totalCount") >= 4);
        JsonPath school = ok(CLIENT.file("organization/organization", Map.of("id", "shanghai-information-technology-school")));
        assertTrue(school.getList("data.organization.secretariatOf.id").contains("alliance-hu-dian"));
        assertTrue(school.getList("data.organization.memberOf.id").contains("alliance-hu-dian"));
    }

    @Test
    void commissionListsItsOfficesAndAnOfficeItsParent() {
        JsonPath commission = ok(CLIENT.file("organization/organization",
                Map.of("id", "shanghai-municipal-education-commission")));
        assertTrue(commission.getList("data.organization.subunits.kind").contains("OFFICE"));
        String office = commission.getString("data.organization.subunits[0].id");
        JsonPath child = ok(CLIENT.file("organization/organization", Map.of("id", office)));
        assertEquals("shanghai-municipal-education-commission", child.getString("data.organization.parent.id"));
    }

    @Test
    void filterByRegionIncludesSubregionsUnlessAskedNotTo() {
        int withSub = ok(organizations(Map.of("regionId", "yunnan-chuxiong"), 100, null, null))
                .getInt("data.organizations.totalCount");
        int direct = ok(organizations(Map.of("regionId", "yunnan-chuxiong", "includeSubregions", false), 100, null, null))
                .getInt("data.organizations.totalCount");
        assertTrue(withSub > direct, withSub + " with sub-regions vs " + direct + " directly");
        assertTrue(direct > 0);
    }

    @Test
    void filterByKindMembershipAndTextCombine() {
        JsonPath members = ok(organizations(Map.of("memberOfId", "alliance-hu-dian",
                "kind", List.of("SECONDARY_VOCATIONAL_SCHOOL")), 100, null, null));
        List<String> kinds = members.getList("data.organizations.edges.node.kind");
        assertFalse(kinds.isEmpty());
        assertTrue(kinds.stream().allMatch("SECONDARY_VOCATIONAL_SCHOOL"::equals));
        assertEquals(kinds.size(), members.getInt("data.organizations.totalCount"));

        JsonPath text = ok(organizations(Map.of("text", "楚雄医专"), 10, null, null));
        assertEquals(List.of("chuxiong-medical-college"), text.getList("data.organizations.edges.node.id"));
    }

    @Test
    void walkingEveryPageReturnsEachOrganizationOnce() {
        for (String sort : List.of("NAME", "ID")) {
            int total = ok(organizations(Map.of(), 1, null, sort)).getInt("data.organizations.totalCount");
            List<String> seen = new ArrayList<>();
            String after = null;
            boolean hasNext = true;
            boolean first = true;
            while (hasNext) {
                JsonPath page = ok(organizations(Map.of(), 25, after, sort));
                assertEquals(!first, page.getBoolean("data.organizations.pageInfo.hasPreviousPage"));
                seen.addAll(page.getList("data.organizations.edges.node.id"));
                hasNext = page.getBoolean("data.organizations.pageInfo.hasNextPage");
                after = page.getString("data.organizations.pageInfo.endCursor");
                first = false;
            }
            assertEquals(total, seen.size(), sort);
            assertEquals(total, new HashSet<>(seen).size(), sort + ": no organisation twice");
        }
    }

    @Test
    void emptyResultHasNoCursors() {
        JsonPath body = ok(organizations(Map.of("text", "没有这样的名字"), 10, null, null));
        assertEquals(0, body.getInt("data.organizations.totalCount"));
        assertTrue(body.getList("data.organizations.edges").isEmpty());
        assertFalse(body.getBoolean("data.organizations.pageInfo.hasNextPage"));
        assertNull(body.get("data.organizations.pageInfo.endCursor"));
    }

    @Test
    void pageSizeBelowOneIsBadUserInputAndAboveHundredLimitExceeded() {
        assertError(organizations(null, 0, null, null), "BAD_USER_INPUT", "first");
        assertError(organizations(null, 101, null, null), "LIMIT_EXCEEDED", "first");
    }

    @Test
    void malformedOrForeignCursorIsBadUserInput() {
        assertError(organizations(null, 5, "not-a-cursor!", null), "BAD_USER_INPUT", "after");
        String byName = ok(organizations(null, 5, null, "NAME")).getString("data.organizations.pageInfo.endCursor");
        assertError(organizations(null, 5, byName, "ID"), "BAD_USER_INPUT", "sorted by NAME");
    }

    @Test
    void unknownFilterIdsAreNotFound() {
        assertError(organizations(Map.of("regionId", "atlantis"), 5, null, null), "NOT_FOUND", "filter.regionId");
        assertError(organizations(Map.of("memberOfId", "no-alliance"), 5, null, null), "NOT_FOUND", "filter.memberOfId");
    }

    @Test
    void blankOrOverlongTextIsBadUserInput() {
        assertError(organizations(Map.of("text", "  "), 5, null, null), "BAD_USER_INPUT", "filter.text");
        assertError(organizations(Map.of("text", "长".repeat(101)), 5, null, null), "BAD_USER_INPUT", "filter.text");
    }

    @Test
    void cursorStaysValidWhenTheItemItPointsToIsDeleted() {
        graph.write(tx -> {
            tx.run("""
                    UNWIND ['a', 'b', 'c'] AS suffix
                    MERGE (o:Entity:Organization {id: 'test-stale-' + suffix})
                    SET o.name = '测试游标学校' + suffix, o.kind = 'SCHOOL', o.shortNames = []
                    """, Map.of());
            return null;
        });
        try {
            Map<String, Object> filter = Map.of("text", "测试游标学校");
            JsonPath firstPage = ok(organizations(filter, 1, null, null));
            assertEquals(List.of("test-stale-a"), firstPage.getList("data.organizations.edges.node.id"));
            String cursor = firstPage.getString("data.organizations.pageInfo.endCursor");

            graph.write(tx -> {
                tx.run("MATCH (o:Organization {id: 'test-stale-a'}) DETACH DELETE o", Map.of());
                return null;
            });

            JsonPath next = ok(organizations(filter, 1, cursor, null));
            assertEquals(List.of("test-stale-b"), next.getList("data.organizations.edges.node.id"));
            assertEquals(2, next.getInt("data.organizations.totalCount"));
        } finally {
            graph.write(tx -> {
                tx.run("MATCH (o:Organization) WHERE o.id STARTS WITH 'test-stale-' DETACH DELETE o", Map.of());
                return null;
            });
        }
    }
}
