package org.partnergraph.programme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.partnergraph.testing.Responses.assertError;
import static org.partnergraph.testing.Responses.ok;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.partnergraph.testing.GraphQLClient;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * programmeBreakdown against the programmes themselves: groups of a single-valued dimension add up to the
 * total, the total is what {@code programmes} says, and a region dimension counts each programme in every
 * province its targets lie in (worked out here from the programmes' targets, not by the service's query).
 */
@QuarkusTest
class ProgrammeBreakdownTest {

    static final GraphQLClient CLIENT = GraphQLClient.anonymous();

    static final String BREAKDOWN = """
            query($filter: ProgrammeFilter, $by: [ProgrammeDimension!]!, $first: Int) {
              programmeBreakdown(filter: $filter, by: $by, first: $first) {
                dimensions groupCount multiCounted
                total { programmes fundingWan withFunding participants withParticipants }
                groups {
                  province { id } prefecture { id } county { id } year mode category implementer { id } alliance { id }
                  notAssigned
                  figures { programmes fundingWan withFunding participants withParticipants }
                }
              }
            }""";

    static JsonPath breakdown(Map<String, Object> filter, List<String> by, Integer first) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("filter", filter);
        variables.put("by", by);
        variables.put("first", first);
        return CLIENT.query(BREAKDOWN, variables);
    }

    /** Every programme (with the filter) as the list API gives it: id, funding, participants, year, target places. */
    static List<Map<String, Object>> programmes(Map<String, Object> filter) {
        String query = """
                query($filter: ProgrammeFilter, $after: String) {
                  programmes(filter: $filter, first: 100, after: $after) {
                    totalCount totalFundingWan pageInfo { hasNextPage endCursor }
                    edges { node { id fundingWan participants year mode
                      targets {
                        ... on Region { id level parent { id level parent { id level parent { id level } } } }
                        ... on Organization { region { id level parent { id level parent { id level parent { id level } } } } }
                        ... on Department { organization { region { id level parent { id level parent { id level
                            parent { id level } } } } } }
                      } } }
                  }
                }""";
        List<Map<String, Object>> all = new java.util.ArrayList<>();
        String after = null;
        do {
            Map<String, Object> variables = new HashMap<>();
            variables.put("filter", filter);
            variables.put("after", after);
            JsonPath body = ok(CLIENT.query(query, variables));
            all.addAll(body.getList("data.programmes.edges.node"));
            after = body.getBoolean("data.programmes.pageInfo.hasNextPage")
                    ? body.getString("data.programmes.pageInfo.endCursor") : null;
        } while (after != null);
        return all;
    }

    /** The province-level regions of each target's region chain: the provinces a programme's targets lie in. */
    @SuppressWarnings("unchecked")
    static Set<String> provinces(Map<String, Object> programme) {
        Set<String> provinces = new HashSet<>();
        for (Map<String, Object> target : (List<Map<String, Object>>) programme.get("targets")) {
            Object region = target.containsKey("parent") ? target
                    : target.containsKey("region") ? target.get("region")
                    : target.get("organization") instanceof Map<?, ?> org ? org.get("region") : null;
            while (region instanceof Map<?, ?> map && map.get("id") != null) {
                if ("PROVINCE".equals(map.get("level"))) {
                    provinces.add((String) map.get("id"));
                }
                region = map.get("parent");
            }
        }
        return provinces;
    }

    @Test
    void singleValuedDimensionsAddUpToTheTotalWhichIsWhatProgrammesSays() {
        List<Map<String, Object>> programmes = programmes(null);
        double funding = programmes.stream().map(p -> (Number) p.get("fundingWan")).filter(java.util.Objects::nonNull)
                .mapToDouble(Number::doubleValue).sum();
        for (List<String> by : List.of(List.of("YEAR"), List.of("MODE", "CATEGORY"), List.of("YEAR", "MODE"))) {
            JsonPath body = ok(breakdown(null, by, null)).setRootPath("data.programmeBreakdown");
            assertEquals(programmes.size(), body.getInt("total.programmes"), by.toString());
            assertEquals(funding, body.getDouble("total.fundingWan"), 0.001, by.toString());
            assertFalse(body.getBoolean("multiCounted"), by.toString());
            List<Map<String, Object>> groups = body.getList("groups");
            assertEquals(body.getInt("groupCount"), groups.size());
            for (String figure : List.of("programmes", "withFunding", "participants", "withParticipants")) {
                assertEquals(body.getInt("total." + figure), groups.stream()
                        .mapToInt(g -> ((Number) ((Map<?, ?>) g.get("figures")).get(figure)).intValue()).sum(),
                        figure + " by " + by);
            }
            assertEquals(body.getDouble("total.fundingWan"), groups.stream()
                    .mapToDouble(g -> ((Number) ((Map<?, ?>) g.get("figures")).get("fundingWan")).doubleValue()).sum(),
                    0.001, "funding by " + by);
        }
        // By year: each group's count is the number of programmes of that year; those without a year are explicit.
        JsonPath byYear = ok(breakdown(null, List.of("YEAR"), null)).setRootPath("data.programmeBreakdown");
        Map<String, Integer> expected = new TreeMap<>();
        programmes.forEach(p -> expected.merge(String.valueOf(p.get("year")), 1, Integer::sum));
        Map<String, Integer> got = new TreeMap<>();
        for (Map<String, Object> g : byYear.<Map<String, Object>>getList("groups")) {
            String key = String.valueOf(g.get("year"));
            assertEquals(g.get("year") == null, ((List<?>) g.get("notAssigned")).contains("YEAR"), g.toString());
            got.put(key, ((Number) ((Map<?, ?>) g.get("figures")).get("programmes")).intValue());
        }
        assertEquals(expected.toString(), got.toString());
        List<Integer> years = byYear.getList("groups.year");
        List<Integer> ordered = new java.util.ArrayList<>(years);
        ordered.sort(java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder()));
        assertEquals(ordered, years, "groups in year order, not assigned last");
    }

    @Test
    void aProgrammeCountsInEveryProvinceItsTargetsLieIn() {
        List<Map<String, Object>> programmes = programmes(null);
        Map<String, Integer> expected = new TreeMap<>();
        for (Map<String, Object> programme : programmes) {
            Set<String> provinces = provinces(programme);
            if (provinces.isEmpty()) {
                expected.merge("not assigned", 1, Integer::sum);
            }
            provinces.forEach(p -> expected.merge(p, 1, Integer::sum));
        }
        JsonPath body = ok(breakdown(null, List.of("PROVINCE"), null)).setRootPath("data.programmeBreakdown");
        Map<String, Integer> got = new TreeMap<>();
        for (Map<String, Object> g : body.<Map<String, Object>>getList("groups")) {
            String key = g.get("province") == null ? "not assigned" : (String) ((Map<?, ?>) g.get("province")).get("id");
            got.put(key, ((Number) ((Map<?, ?>) g.get("figures")).get("programmes")).intValue());
        }
        assertEquals(expected, got);
        assertTrue(got.size() >= 3, "the curated programmes reach several provinces: " + got);
        List<Object> provinces = body.getList("groups.province");
        assertTrue(!got.containsKey("not assigned") || provinces.get(provinces.size() - 1) == null,
                "not assigned sorts last: " + provinces);
        int counted = got.values().stream().mapToInt(Integer::intValue).sum();
        assertEquals(counted > programmes.size(), body.getBoolean("multiCounted"));
    }

    @Test
    void theFilterOfProgrammesAppliesAndManyDimensionsAreOneAnswer() {
        Map<String, Object> filter = Map.of("regionId", "yunnan");
        JsonPath list = ok(CLIENT.query("query($f: ProgrammeFilter) { programmes(filter: $f) { totalCount totalFundingWan } }",
                Map.of("f", filter)));
        JsonPath body = ok(breakdown(filter, List.of("PREFECTURE", "YEAR", "IMPLEMENTER", "ALLIANCE"), null))
                .setRootPath("data.programmeBreakdown");
        assertEquals(list.getInt("data.programmes.totalCount"), body.getInt("total.programmes"));
        assertEquals(list.getDouble("data.programmes.totalFundingWan"), body.getDouble("total.fundingWan"), 0.001);
        assertTrue(body.getInt("total.programmes") > 0);
        assertEquals(List.of("PREFECTURE", "YEAR", "IMPLEMENTER", "ALLIANCE"), body.getList("dimensions"));
        for (Map<String, Object> g : body.<Map<String, Object>>getList("groups")) {
            assertTrue(g.get("province") == null && g.get("mode") == null, "only the dimensions asked: " + g);
            for (String dimension : List.of("prefecture", "year", "implementer", "alliance")) {
                assertEquals(g.get(dimension) == null,
                        ((List<?>) g.get("notAssigned")).contains(dimension.toUpperCase(java.util.Locale.ROOT)), g.toString());
            }
        }
        JsonPath one = ok(breakdown(filter, List.of("YEAR"), 1)).setRootPath("data.programmeBreakdown");
        assertEquals(1, one.getList("groups").size());
        assertTrue(one.getInt("groupCount") > 1, "groupCount counts every group: " + one.getInt("groupCount"));
    }

    @Test
    void badArgumentsAnswerTheirCodes() {
        assertError(breakdown(null, List.of(), null), "BAD_USER_INPUT", "by: give one to 4 dimensions");
        assertError(breakdown(null, List.of("YEAR", "YEAR"), null), "BAD_USER_INPUT", "by: each dimension once");
        assertError(breakdown(null, List.of("YEAR", "MODE", "CATEGORY", "PROVINCE", "COUNTY"), null), "LIMIT_EXCEEDED",
                "by: at most 4 dimensions");
        assertError(breakdown(null, List.of("YEAR"), 0), "BAD_USER_INPUT", "first");
        assertError(breakdown(null, List.of("YEAR"), 5001), "LIMIT_EXCEEDED", "first");
        assertError(breakdown(Map.of("regionId", "atlantis"), List.of("YEAR"), null), "NOT_FOUND",
                "filter.regionId: no region has id 'atlantis'");
        assertError(breakdown(Map.of("year", 3000), List.of("YEAR"), null), "BAD_USER_INPUT", "filter.year");
    }
}
