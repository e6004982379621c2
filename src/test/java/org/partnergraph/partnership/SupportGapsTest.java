package org.partnergraph.partnership;

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

import org.junit.jupiter.api.Test;
import org.partnergraph.security.Roles;
import org.partnergraph.testing.GraphQLClient;
import org.partnergraph.testing.WriteFixture;
import org.partnergraph.testing.WriteTest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * supportGaps against supportersOf: every gap has no support active in its year, and every target a
 * programme names without such support is a gap; a new pairing closes a gap.
 */
@QuarkusTest
class SupportGapsTest extends WriteTest {

    static final GraphQLClient ANALYST = GraphQLClient.as("alice", Roles.ANALYST);
    static final GraphQLClient EDITOR = GraphQLClient.as("eddie", Roles.EDITOR);
    static final String GAPS = """
            query($year: Int, $first: Int) { supportGaps(year: $year, first: $first) {
              totalCount gaps { node { id } year namedIn { id } } } }""";

    static JsonPath gaps(GraphQLClient client, Integer year, Integer first) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("year", year);
        variables.put("first", first);
        return client.query(GAPS, variables);
    }

    /** Whether supportersOf lists a partnership of {@code id} active in {@code year} (null: any). */
    static boolean supportedIn(String id, Integer year) {
        JsonPath body = ok(GraphQLClient.anonymous().query(
                "query($id: ID!) { supportersOf(id: $id, first: 500) { kind since until } }", Map.of("id", id)));
        for (Map<String, Object> p : body.<Map<String, Object>>getList("data.supportersOf")) {
            String since = (String) p.get("since");
            String until = (String) p.get("until");
            if (year == null) {
                return true;
            }
            boolean active = "PROGRAMME".equals(p.get("kind")) ? String.valueOf(year).equals(since)
                    : (since == null || Integer.parseInt(since.substring(0, 4)) <= year)
                            && (until == null || Integer.parseInt(until.substring(0, 4)) >= year);
            if (active) {
                return true;
            }
        }
        return false;
    }

    static Set<String> keys(JsonPath body) {
        Set<String> keys = new HashSet<>();
        for (Map<String, Object> gap : body.<Map<String, Object>>getList("data.supportGaps.gaps")) {
            keys.add(((Map<?, ?>) gap.get("node")).get("id") + "@" + gap.get("year"));
        }
        return keys;
    }

    @Test
    void everyGapHasNoSupportThatYearAndEveryUnsupportedProgrammeTargetIsAGap() {
        JsonPath all = ok(gaps(ANALYST, null, 500));
        List<Map<String, Object>> list = all.getList("data.supportGaps.gaps");
        assertEquals(all.getInt("data.supportGaps.totalCount"), list.size(), "500 holds every gap of the curated data");
        assertFalse(list.isEmpty(), "the documents name places nobody is said to support");
        for (Map<String, Object> gap : list) {
            String id = (String) ((Map<?, ?>) gap.get("node")).get("id");
            assertFalse(supportedIn(id, (Integer) gap.get("year")), "a gap has no support that year: " + gap);
            assertFalse(((List<?>) gap.get("namedIn")).isEmpty(), gap.toString());
        }
        Set<String> found = keys(all);
        JsonPath programmes = ok(GraphQLClient.anonymous().query("""
                { programmes(first: 100) { pageInfo { hasNextPage } edges { node { id year
                    targets { id __typename } } } } }""", Map.of()));
        assertFalse(programmes.getBoolean("data.programmes.pageInfo.hasNextPage"), "one page holds the programmes");
        int checked = 0;
        for (Map<String, Object> programme : programmes.<Map<String, Object>>getList("data.programmes.edges.node")) {
            Integer year = (Integer) programme.get("year");
            for (Object t : (List<?>) programme.get("targets")) {
                Map<?, ?> target = (Map<?, ?>) t;
                if (!List.of("Department", "Organization", "Region").contains(target.get("__typename"))) {
                    continue;
                }
                String key = target.get("id") + "@" + year;
                assertEquals(!supportedIn((String) target.get("id"), year), found.contains(key), key);
                checked++;
            }
        }
        assertTrue(checked > 20, "programme targets checked: " + checked);
        // A year's gaps are those of every year with that year.
        Integer year = (Integer) list.get(0).get("year");
        Set<String> ofYear = new HashSet<>();
        found.stream().filter(k -> k.endsWith("@" + year)).forEach(ofYear::add);
        assertEquals(ofYear, keys(ok(gaps(ANALYST, year, 500))));
    }

    @Test
    void aProgrammeWithoutImplementerOpensAGapAndAPairingThatYearClosesIt() {
        // A school of its own, located nowhere: no other test supports it, no region list shows the programme.
        String school = "test-w-gap-school";
        ok(EDITOR.file("organization/upsertOrganization", Map.of("input", Map.of("id", school, "name", "写测缺口学校",
                "kind", "SCHOOL", "source", WriteFixture.source("写测")))));
        ok(EDITOR.file("programme/upsertProgramme", Map.of("input", Map.of("id", "test-w-gap-programme",
                "name", "写测缺口培训", "category", "TRAINING", "mode", "LOCAL_LECTURING", "year", 2025,
                "targetIds", List.of(school), "source", WriteFixture.source("写测缺口")))));
        assertTrue(keys(ok(gaps(ANALYST, 2025, 500))).contains(school + "@2025"));
        ok(EDITOR.file("partnership/createPartnership", Map.of("input", Map.of("kind", "PAIRED_WITH",
                "supporterId", WriteFixture.COLLEGE, "supportedId", school, "since", "2026-01",
                "source", WriteFixture.source("结对帮扶")))));
        assertTrue(keys(ok(gaps(ANALYST, 2025, 500))).contains(school + "@2025"),
                "a pairing from 2026 does not close a 2025 gap");
        ok(EDITOR.file("partnership/createPartnership", Map.of("input", Map.of("kind", "SUPPORTS",
                "supporterId", WriteFixture.EAST_COLLEGE, "supportedId", school, "since", "2024",
                "source", WriteFixture.source("结对帮扶")))));
        assertFalse(keys(ok(gaps(ANALYST, 2025, 500))).contains(school + "@2025"));
    }

    @Test
    void analystsOnlyAndBadArgumentsAnswerTheirCodes() {
        assertError(gaps(GraphQLClient.anonymous(), null, null), "UNAUTHENTICATED", "analyst");
        assertError(gaps(ANALYST, null, 0), "BAD_USER_INPUT", "first");
        assertError(gaps(ANALYST, null, 501), "LIMIT_EXCEEDED", "first");
        assertError(gaps(ANALYST, 3000, null), "BAD_USER_INPUT", "year");
    }
}
