package org.partnergraph.region;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.partnergraph.testing.Responses.assertError;
import static org.partnergraph.testing.Responses.ok;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.partnergraph.testing.GraphQLClient;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class RegionApiTest {

    static final GraphQLClient CLIENT = GraphQLClient.anonymous();

    static JsonPath region(String id, boolean includeSubregions, Integer first, String after) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("id", id);
        variables.put("includeSubregions", includeSubregions);
        variables.put("first", first);
        variables.put("after", after);
        return CLIENT.file("region/region", variables);
    }

    @Test
    void regionKnowsItsParentAndChildren() {
        JsonPath body = ok(region("yunnan-chuxiong", false, 5, null));
        assertEquals("yunnan", body.getString("data.region.parent.id"));
        assertEquals("PREFECTURE", body.getString("data.region.level"));
        assertTrue(body.getList("data.region.children.name").contains("双柏县"));
    }

    @Test
    void organizationsOfARegionCanIncludeSubregionsAndCountsByKindAgree() {
        JsonPath direct = ok(region("xinjiang-kashgar", false, 100, null));
        JsonPath all = ok(region("xinjiang-kashgar", true, 100, null));
        int total = all.getInt("data.region.organizations.totalCount");
        assertTrue(total > direct.getInt("data.region.organizations.totalCount"));
        List<Integer> counts = all.getList("data.region.organizationCounts.count");
        assertEquals(total, counts.stream().mapToInt(Integer::intValue).sum());
    }

    @Test
    void organizationsOfARegionPage() {
        JsonPath first = ok(region("xinjiang-kashgar", true, 2, null));
        assertTrue(first.getBoolean("data.region.organizations.pageInfo.hasNextPage"));
        JsonPath second = ok(region("xinjiang-kashgar", true, 2,
                first.getString("data.region.organizations.pageInfo.endCursor")));
        List<String> a = first.getList("data.region.organizations.edges.node.id");
        List<String> b = second.getList("data.region.organizations.edges.node.id");
        assertTrue(b.stream().noneMatch(a::contains), a + " then " + b);
        // The keyset is (name, id): pages only join up when the list is really in that order.
        List<String> names = new java.util.ArrayList<>(first.getList("data.region.organizations.edges.node.name"));
        names.addAll(second.getList("data.region.organizations.edges.node.name"));
        assertEquals(names.stream().sorted().toList(), names);
    }

    @Test
    void unknownRegionIsNull() {
        assertNull(ok(region("atlantis", false, 5, null)).get("data.region"));
    }

    @Test
    void regionsByLevelAndParent() {
        List<String> provinces = ok(CLIENT.file("region/regions", Map.of("level", "PROVINCE"))).getList("data.regions.id");
        assertTrue(provinces.containsAll(List.of("yunnan", "xinjiang", "qinghai", "guizhou")), provinces::toString);
        List<String> counties = ok(CLIENT.file("region/regions", Map.of("parentId", "xinjiang-kashgar")))
                .getList("data.regions.id");
        assertEquals(4, counties.size(), counties::toString);
        assertError(CLIENT.file("region/regions", Map.of("parentId", "atlantis")), "NOT_FOUND", "parentId");
    }
}
