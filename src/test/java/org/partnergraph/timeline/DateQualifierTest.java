package org.partnergraph.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.partnergraph.testing.Responses.assertError;
import static org.partnergraph.testing.Responses.ok;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.partnergraph.testing.GraphQLClient;
import org.partnergraph.testing.Snapshot;
import org.partnergraph.testing.WriteFixture;
import org.partnergraph.testing.WriteTest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The qualifier a document puts on a date (10月左右, 4月底, 暑假期间, 预计到9月份), as written, and whether it makes the
 * date approximate: on programmes, events and their timeline entries, from the curated bundles and from upsertProgramme
 * (AMBIGUITIES.md 62).
 */
@QuarkusTest
class DateQualifierTest extends WriteTest {

    static final GraphQLClient ANONYMOUS = GraphQLClient.anonymous();
    static final GraphQLClient EDITOR = GraphQLClient.as("eddie", "editor");
    static final String QUERY = "timeline/dateQualifiers";

    /** The node, and the timeline around {@code on} (its entry among them). */
    static JsonPath qualifiers(String id, String on) {
        return ok(ANONYMOUS.file(QUERY, Map.of("id", id, "filter", Map.of("from", on, "to", on))));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            // D2023: "目前正在做名单收集前期工作，将于10月左右顺利开展".
            "prog-2023-seig-chuxiong-training | 2023-10 | - | 左右 | true | - | false",
            // D2023: "预计到9月份可圆满完成送读任务": an expected end.
            "prog-2023-chuxiong-enrolment-to-shanghai | - | 2023-09 | - | false | 预计 | true",
            // D2024: "2024年暑假期间" for the programme and both ends.
            "prog-2024-hu-dian-hometown-tour | 2024-07 | 2024-08 | 暑假期间 | true | 暑假期间 | true",
            // D2024: "2024年6月": no qualifier.
            "prog-2024-hu-guo-professional-support | 2024-06 | - | - | false | - | false"})
    void programmesAnswerTheirQualifiersAsWritten(String id, String date, String endDate, String qualifier,
            boolean approximate, String endQualifier, boolean endApproximate) {
        JsonPath body = qualifiers(id, date != null ? date : endDate.substring(0, 4));
        assertEquals(date, body.get("data.node.date"));
        assertEquals(endDate, body.get("data.node.endDate"));
        assertEquals(qualifier, body.get("data.node.dateQualifier"));
        assertEquals(approximate, body.getBoolean("data.node.dateApproximate"));
        assertEquals(endQualifier, body.get("data.node.endDateQualifier"));
        assertEquals(endApproximate, body.getBoolean("data.node.endDateApproximate"));
        Map<String, Object> entry = body.getMap("data.timeline.edges.node.find { it.id == '" + id + "' }");
        assertEquals(qualifier, entry.get("dateQualifier"), "the timeline entry too");
        assertEquals(approximate, entry.get("dateApproximate"));
        assertEquals(endQualifier, entry.get("endDateQualifier"));
        assertEquals(endApproximate, entry.get("endDateApproximate"));
        assertEquals(approximate, ((Map<?, ?>) entry.get("node")).get("dateApproximate"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            // D2023: "今年4月底…召开": the month is exact, 月底 narrows it.
            "evt-2023-04-yunnan-enrolment-meeting | 2023-04 | 月底 | false | - | false",
            // D2023: "6月底，…一行4人到云南现代职业技术学院".
            "evt-2023-06-sit-visit-yunnan-modern-college | 2023-06 | 月底 | false | - | false",
            // D2024: "如今年9月底，上海城建职业学院来到喀什理工职业技术学院".
            "evt-2024-09-urban-construction-diagnostic-visit | 2024-09 | 月底 | false | - | false",
            // D2024: "2024年暑假期间…分别前往文山州、大理市".
            "evt-2024-hometown-tour-dali | 2024-07 | 暑假期间 | true | 暑假期间 | true",
            // D2023: a donation on the 6月底 visit, whose own quote gives no qualifier.
            "evt-2023-06-sit-software-donation | 2023-06 | - | false | - | false"})
    void eventsAnswerTheirQualifiersAsWritten(String id, String date, String qualifier, boolean approximate,
            String endQualifier, boolean endApproximate) {
        JsonPath body = qualifiers(id, date);
        assertEquals(date, body.get("data.node.eventDate"));
        assertEquals(qualifier, body.get("data.node.eventDateQualifier"));
        assertEquals(approximate, body.getBoolean("data.node.eventDateApproximate"));
        assertEquals(endQualifier, body.get("data.node.eventEndDateQualifier"));
        assertEquals(endApproximate, body.getBoolean("data.node.eventEndDateApproximate"));
        Map<String, Object> entry = body.getMap("data.timeline.edges.node.find { it.id == '" + id + "' }");
        assertEquals(qualifier, entry.get("dateQualifier"), "the timeline entry too");
        assertEquals(approximate, entry.get("dateApproximate"));
        assertEquals(endApproximate, entry.get("endDateApproximate"));
        assertEquals(approximate, ((Map<?, ?>) entry.get("node")).get("approximate"), "an event selected only for it");
    }

    /** Agreements and statuses on the timeline have no qualifier. */
    @Test
    void agreementsAndStatusesOnTheTimelineAreUnqualified() {
        List<Map<String, Object>> others = qualifiers("prog-2023-seig-chuxiong-training", "2023-07")
                .getList("data.timeline.edges.node.findAll { it.kind != 'EVENT' && it.kind != 'PROGRAMME' }");
        assertFalse(others.isEmpty());
        for (Map<String, Object> entry : others) {
            assertEquals(null, entry.get("dateQualifier"), entry::toString);
            assertEquals(false, entry.get("dateApproximate"), entry::toString);
            assertEquals(false, entry.get("endDateApproximate"), entry::toString);
        }
    }

    /** The README's example of qualified dates answers what the README shows. */
    @Test
    void theReadmeExampleIsTheServicesAnswer() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        Matcher example = Pattern.compile("```graphql\\n(\\{ around: .*?)```\\s*```json\\n(.*?)```", Pattern.DOTALL)
                .matcher(readme);
        assertTrue(example.find(), "the README shows qualified dates");
        assertEquals(JsonPath.from(example.group(2)).getMap("data"),
                ok(ANONYMOUS.query(example.group(1), Map.of())).getMap("data"));
    }

    static Map<String, Object> programme(String id, Object... more) {
        return WriteFixture.input(Map.of("id", id, "name", "测试限定日期项目", "category", "TRAINING",
                "mode", "OTHER", "year", 2025, "date", "2025-10", "source", WriteFixture.source("将于10月左右")), more);
    }

    static JsonPath upsert(Map<String, Object> input) {
        return EDITOR.file("timeline/upsertDated", Map.of("input", input));
    }

    @Test
    void upsertProgrammeTakesTheQualifiersAndAnUpdateKeepsThem() {
        JsonPath body = ok(upsert(programme("test-w-q-around", "dateQualifier", "左右", "endDate", "2025-12",
                "endDateQualifier", "预计")));
        assertEquals("APPLIED", body.getString("data.upsertProgramme.change.status"));
        assertEquals("左右", body.getString("data.upsertProgramme.programme.dateQualifier"));
        assertEquals(true, body.getBoolean("data.upsertProgramme.programme.dateApproximate"));
        assertEquals("预计", body.getString("data.upsertProgramme.programme.endDateQualifier"));
        assertEquals(true, body.getBoolean("data.upsertProgramme.programme.endDateApproximate"));

        // 月底 narrows the month it keeps: exact; the end's qualifier is kept.
        JsonPath updated = ok(upsert(Map.of("id", "test-w-q-around", "dateQualifier", "月底")));
        assertEquals("2025-10", updated.getString("data.upsertProgramme.programme.date"));
        assertEquals("月底", updated.getString("data.upsertProgramme.programme.dateQualifier"));
        assertEquals(false, updated.getBoolean("data.upsertProgramme.programme.dateApproximate"));
        assertEquals("预计", updated.getString("data.upsertProgramme.programme.endDateQualifier"));

        JsonPath plain = ok(upsert(programme("test-w-q-plain")));
        assertNull(plain.get("data.upsertProgramme.programme.dateQualifier"));
        assertEquals(false, plain.getBoolean("data.upsertProgramme.programme.dateApproximate"));
        assertEquals(false, plain.getBoolean("data.upsertProgramme.programme.endDateApproximate"));
    }

    @Test
    void badQualifiersAreRefusedNamingTheFieldAndNothingIsWritten() {
        Snapshot before = snapshot();

        assertError(upsert(programme("test-w-q-bad", "dateQualifier", "大约")), "BAD_USER_INPUT",
                "input.dateQualifier: unknown value '大约'");
        assertError(upsert(programme("test-w-q-bad", "endDate", "2025-12", "endDateQualifier", "soon")),
                "BAD_USER_INPUT", "input.endDateQualifier: unknown value 'soon'");
        assertError(upsert(programme("test-w-q-bad", "date", null, "dateQualifier", "左右")), "BAD_USER_INPUT",
                "input.dateQualifier: a date qualifier needs the date it qualifies (date)");
        assertError(upsert(programme("test-w-q-bad", "endDateQualifier", "预计")), "BAD_USER_INPUT",
                "input.endDateQualifier: a date qualifier needs the date it qualifies (endDate)");
        assertError(upsert(programme("test-w-q-bad", "date", "2025-10-15", "dateQualifier", "月底")), "BAD_USER_INPUT",
                "input.dateQualifier: '月底' qualifies a month (YYYY-MM), but date is '2025-10-15'");
        // All or nothing: a good qualifier with a bad date writes nothing either.
        assertError(upsert(programme("test-w-q-bad", "date", "2025-13", "dateQualifier", "左右")), "BAD_USER_INPUT",
                "input.date: '2025-13' is not a date");

        assertEquals(before, snapshot());
    }
}
