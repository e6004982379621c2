package org.partnergraph.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.partnergraph.testing.Responses.assertError;
import static org.partnergraph.testing.Responses.ok;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.partnergraph.testing.GraphQLClient;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The timeline on the curated dataset: date order, the range, the organisation and region filters, paging
 * that adds up to totalCount, and bad arguments. Other tests write into the same graph, so every check here
 * filters to curated facts or holds for any data.
 */
@QuarkusTest
class TimelineTest {

    static final GraphQLClient ANONYMOUS = GraphQLClient.anonymous();
    static final String DOCUMENT = "timeline/timeline";

    static JsonPath timeline(Map<String, Object> filter, Integer first, String after) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("filter", filter);
        variables.put("first", first);
        variables.put("after", after);
        return ANONYMOUS.file(DOCUMENT, variables);
    }

    static List<Map<String, Object>> entries(JsonPath body) {
        return body.getList("data.timeline.edges.node");
    }

    static List<String> ids(JsonPath body) {
        return body.getList("data.timeline.edges.node.id");
    }

    /** The first day a partial date can mean, and its precision rank: the order the timeline promises. */
    static String sortKey(Map<String, Object> entry) {
        String date = (String) entry.get("date");
        String first = date.length() == 4 ? date + "-01-01" : date.length() == 7 ? date + "-01" : date;
        return first + " " + (date.length() == 4 ? 1 : date.length() == 7 ? 2 : 3) + " " + entry.get("id");
    }

    @Test
    void theChuxiongReplyOf2023IsInDateOrderWithPrecisionProgressAndCitations() {
        JsonPath body = ok(timeline(Map.of("from", "2023", "to", "2023", "regionId", "yunnan-chuxiong"), 100, null));
        List<Map<String, Object>> entries = entries(body);
        List<String> keys = entries.stream().map(TimelineTest::sortKey).toList();
        assertEquals(keys.stream().sorted().toList(), keys, "date order");
        assertEquals(entries.size(), body.getInt("data.timeline.totalCount"));

        // D2023: "今年4月底，全省沪滇协作中职招生工作推进会议在楚雄州政务中心召开".
        Map<String, Object> meeting = entry(entries, "evt-2023-04-yunnan-enrolment-meeting");
        assertEquals("EVENT", meeting.get("kind"));
        assertEquals("2023-04", meeting.get("date"));
        assertEquals("MONTH", meeting.get("precision"));
        assertEquals("DONE", meeting.get("progress"));
        // D2023: "目前正在做名单收集前期工作，将于10月左右顺利开展" (planned for October).
        Map<String, Object> training = entry(entries, "prog-2023-seig-chuxiong-training");
        assertEquals("PROGRAMME", training.get("kind"));
        assertEquals("2023-10", training.get("date"));
        assertEquals("PLANNED", training.get("progress"));
        assertTrue(quotes(training).contains("目前正在做名单收集前期工作，将于10月左右顺利开展"), training::toString);
        // The 2023 programmes without a month come first, at their year.
        Map<String, Object> pairing = entry(entries, "prog-2023-jiading-chuxiong-school-pairing");
        assertEquals("YEAR", pairing.get("precision"));
        assertTrue(keys.indexOf(sortKey(pairing)) < keys.indexOf(sortKey(meeting)));
        assertTrue(keys.indexOf(sortKey(meeting)) < keys.indexOf(sortKey(training)));
        // D2023: "目前省上正在与上海方对接中", on the reply's date.
        Map<String, Object> status = entry(entries, "status~rel-sumhs-paired-with-chuxiong-medical-college");
        assertEquals("PARTNERSHIP_STATUS", status.get("kind"));
        assertEquals("IN_COORDINATION", status.get("status"));
        assertEquals("2023-07-30", status.get("date"));
        assertEquals("DAY", status.get("precision"));
        assertEquals(List.of("目前省上正在与上海方对接中"), quotes(status));
        @SuppressWarnings("unchecked")
        Map<String, Object> partnership = (Map<String, Object>) status.get("partnership");
        assertEquals("shanghai-university-of-medicine-and-health-sciences", ((Map<?, ?>) partnership.get("supporter")).get("id"));
        assertEquals("chuxiong-medical-college", ((Map<?, ?>) partnership.get("supported")).get("id"));
        assertEquals(null, status.get("node"));
    }

    @Test
    void theRangeKeepsWhatOverlapsIt() {
        JsonPath body = ok(timeline(Map.of("from", "2024-06", "to", "2024-06-30"), 100, null));
        List<Map<String, Object>> entries = entries(body);
        assertFalse(entries.isEmpty());
        for (Map<String, Object> entry : entries) {
            String date = (String) entry.get("date");
            String end = entry.get("endDate") == null ? date : (String) entry.get("endDate");
            assertTrue(sortKey(entry).substring(0, 10).compareTo("2024-06-30") <= 0, entry::toString);
            assertTrue(end.length() == 4 ? end.compareTo("2024") >= 0 : end.substring(0, 7).compareTo("2024-06") >= 0,
                    entry::toString);
        }
        List<String> ids = ids(body);
        assertTrue(ids.contains("evt-2024-06-hu-guo-golog-support-visit"), ids::toString);
        assertTrue(ids.contains("prog-2024-hu-guo-professional-support"), "dated 2024-06: " + ids);
        // A year-only date can mean June: it is listed, and its precision says so.
        assertTrue(ids.contains("prog-2024-kashgar-polytechnic-study-visit"), ids::toString);
        // Ends before the range, starts after it.
        assertFalse(ids.contains("evt-2023-06-sit-visit-yunnan-modern-college"), ids::toString);
        assertFalse(ids.contains("evt-2024-09-urban-construction-diagnostic-visit"), ids::toString);
        assertFalse(ids.contains("evt-2024-hometown-tour-wenshan"), "2024-07…08: " + ids);
    }

    @Test
    void anOrganisationsTimelineHoldsWhatItTakesPartIn() {
        JsonPath body = ok(timeline(Map.of("organizationId", "shanghai-university-of-medicine-and-health-sciences"), 100,
                null));
        List<String> ids = ids(body);
        // D2024: the 22 colleges' agreements (it is named, and party to them) and its ACTIVE pairing;
        // D2023: its pairing with 楚雄医专 being coordinated.
        assertTrue(ids.containsAll(List.of("status~agr-kashgar-polytechnic-pairing-agreements",
                "status~rel-sumhs-paired-with-kashgar-polytechnic", "status~rel-sumhs-paired-with-chuxiong-medical-college")),
                ids::toString);
        assertFalse(ids.contains("evt-2023-04-yunnan-enrolment-meeting"), ids::toString);
        assertEquals(ids.size(), body.getInt("data.timeline.totalCount"));
    }

    @Test
    void aRegionTakesItsSubregionsUnlessAskedNotTo() {
        Map<String, Object> years = Map.of("from", "2023", "to", "2024");
        List<String> yunnan = ids(ok(timeline(with(years, "regionId", "yunnan"), 100, null)));
        List<String> alone = ids(ok(timeline(with(years, "regionId", "yunnan", "includeSubregions", false), 100, null)));
        List<String> chuxiong = ids(ok(timeline(with(years, "regionId", "yunnan-chuxiong"), 100, null)));
        assertTrue(yunnan.containsAll(chuxiong), "a prefecture's entries are its province's");
        assertTrue(yunnan.containsAll(alone));
        // D2024: 上海市工业技术学校、上海食品科技学校 visit 杜鹃王古木博览园 in 腾冲 (保山): only through a sub-region.
        assertTrue(yunnan.contains("evt-2024-hometown-tour-tengchong"), yunnan::toString);
        assertFalse(alone.contains("evt-2024-hometown-tour-tengchong"), alone::toString);
        assertFalse(chuxiong.contains("evt-2024-hometown-tour-tengchong"), chuxiong::toString);
        assertTrue(chuxiong.contains("evt-2023-04-yunnan-enrolment-meeting"), chuxiong::toString);
        List<String> kashgar = ids(ok(timeline(Map.of("regionId", "xinjiang-kashgar"), 100, null)));
        assertFalse(kashgar.contains("evt-2023-04-yunnan-enrolment-meeting"), kashgar::toString);
        assertTrue(kashgar.contains("evt-2024-09-urban-construction-diagnostic-visit"), kashgar::toString);
    }

    static Map<String, Object> with(Map<String, Object> filter, Object... more) {
        Map<String, Object> all = new HashMap<>(filter);
        for (int i = 0; i < more.length; i += 2) {
            all.put((String) more[i], more[i + 1]);
        }
        return all;
    }

    @Test
    void kindsNarrowTheList() {
        List<Map<String, Object>> entries = entries(ok(timeline(Map.of("kind", List.of("AGREEMENT_STATUS")), 100, null)));
        assertFalse(entries.isEmpty());
        assertTrue(entries.stream().allMatch(e -> e.get("kind").equals("AGREEMENT_STATUS") && e.get("status") != null));
    }

    @Test
    void everyPageFollowsTheLastAndThePagesAddUpToTheTotal() {
        Map<String, Object> filter = Map.of("from", "2023", "to", "2024");
        JsonPath whole = ok(timeline(filter, 100, null));
        List<String> expected = ids(whole);
        int total = whole.getInt("data.timeline.totalCount");
        assertTrue(total > 20 && total <= 100, "total " + total);
        List<String> paged = new ArrayList<>();
        String after = null;
        do {
            JsonPath page = ok(timeline(filter, 7, after));
            assertEquals(total, page.getInt("data.timeline.totalCount"));
            assertEquals(after != null, page.getBoolean("data.timeline.pageInfo.hasPreviousPage"));
            paged.addAll(ids(page));
            after = page.getBoolean("data.timeline.pageInfo.hasNextPage")
                    ? page.getString("data.timeline.pageInfo.endCursor") : null;
        } while (after != null);
        assertEquals(expected, paged);
        assertEquals(total, paged.size());
    }

    @Test
    void badDatesAndUnknownIdsAreCoded() {
        assertError(timeline(Map.of("from", "2023-13"), null, null), "BAD_USER_INPUT",
                "filter.from: '2023-13' is not a date");
        assertError(timeline(Map.of("to", "2023-02-30"), null, null), "BAD_USER_INPUT",
                "filter.to: '2023-02-30' is not a date");
        assertError(timeline(Map.of("from", "23"), null, null), "BAD_USER_INPUT", "filter.from");
        assertError(timeline(Map.of("from", "2024", "to", "2023-12"), null, null), "BAD_USER_INPUT",
                "filter.to: '2023-12' is before filter.from '2024'");
        assertError(timeline(Map.of("organizationId", "no-such-organisation"), null, null), "NOT_FOUND",
                "filter.organizationId");
        assertError(timeline(Map.of("regionId", "no-such-region"), null, null), "NOT_FOUND", "filter.regionId");
        assertError(timeline(Map.of("kind", List.of()), null, null), "BAD_USER_INPUT", "filter.kind");
        assertError(timeline(null, 0, null), "BAD_USER_INPUT", "first");
        assertError(timeline(null, 1000, null), "LIMIT_EXCEEDED", "first");
        assertError(timeline(null, null, "not-a-cursor"), "BAD_USER_INPUT", "after");
    }

    static Map<String, Object> entry(List<Map<String, Object>> entries, String id) {
        return entries.stream().filter(e -> e.get("id").equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError(id + " not in " + entries.stream().map(e -> e.get("id")).toList()));
    }

    @SuppressWarnings("unchecked")
    static List<String> quotes(Map<String, Object> entry) {
        return ((List<Map<String, Object>>) entry.get("citations")).stream().map(c -> (String) c.get("quote")).toList();
    }
}
