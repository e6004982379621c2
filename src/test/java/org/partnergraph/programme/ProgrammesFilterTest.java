package org.partnergraph.programme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.partnergraph.testing.GraphQLClient;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** programmes(filter): each filter field and their combination, on the curated dataset. */
@QuarkusTest
class ProgrammesFilterTest {

    static final String QUERY = "programme/programmes";
    static final String TRAINING_TABLE = "prog-2018-training-table";

    static JsonPath programmes(Map<String, Object> filter, String sort, Integer first) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("filter", filter);
        variables.put("sort", sort);
        variables.put("first", first);
        JsonPath body = GraphQLClient.anonymous().file(QUERY, variables);
        assertNull(body.get("errors"), () -> body.prettify());
        return body;
    }

    static List<String> ids(JsonPath body) {
        return body.getList("data.programmes.edges.node.id");
    }

    /**
     * The curated programmes among the results. Filters that are not scoped to curated ids (a year, a mode)
     * also match what other tests import under test- ids, so those tests assert on this part only.
     */
    static List<String> curated(JsonPath body) {
        return ids(body).stream().filter(id -> !id.startsWith("test-")).toList();
    }

    @Test
    void rowsOfTheTrainingTableAreTwelveAndAddUpToTheStatedTotal() {
        JsonPath body = programmes(Map.of("partOfId", TRAINING_TABLE), "SEQUENCE", 100);

        List<String> expected = IntStream.rangeClosed(1, 12).mapToObj(i -> "prog-2018-training-%02d".formatted(i)).toList();
        assertEquals(expected, ids(body));
        assertEquals(12, body.getInt("data.programmes.totalCount"));
        assertEquals(659.7, body.getDouble("data.programmes.totalFundingWan"), 1e-9);
        assertEquals(List.of(1, 2, 3), body.getList("data.programmes.edges.node.sequence").subList(0, 3));
    }

    @Test
    void totalFundingCoversAllMatchesNotJustThePage() {
        JsonPath body = programmes(Map.of("partOfId", TRAINING_TABLE), "SEQUENCE", 2);

        assertEquals(2, ids(body).size());
        assertEquals(12, body.getInt("data.programmes.totalCount"));
        assertEquals(659.7, body.getDouble("data.programmes.totalFundingWan"), 1e-9);
    }

    @Test
    void groupStatedTotalIsNotAddedToItsRows() {
        // 2018: the training table (statedTotalFundingWan 659.7), its 12 rows, the task table and its 51 rows.
        JsonPath body = programmes(Map.of("year", 2018), null, 100);

        assertEquals(65, body.getInt("data.programmes.totalCount"));
        assertEquals(659.7, body.getDouble("data.programmes.totalFundingWan"), 1e-9);
    }

    @Test
    void regionMatchesItsSubregionsAndOrganisationsLocatedThereByDefault() {
        JsonPath body = programmes(Map.of("regionId", "yunnan"), "NAME", 100);

        // Targets yunnan itself (tasks 1-6, hometown tour), 楚雄州 (2023 programmes),
        // 双柏一中 located in 双柏县 (the school pairing), and 昭通/文山/丽江/曲靖 (enterprise practice).
        assertEquals(List.of("prog-2023-chuxiong-enrolment-to-shanghai", "prog-2023-hu-dian-teacher-training",
                "prog-2023-jiading-chuxiong-school-pairing", "prog-2023-seig-chuxiong-training",
                "prog-2024-hu-dian-enterprise-practice", "prog-2024-hu-dian-hometown-tour", "task-2018-01",
                "task-2018-02", "task-2018-03", "task-2018-04", "task-2018-05", "task-2018-06"),
                ids(body).stream().sorted().toList());
        assertEquals(12, body.getInt("data.programmes.totalCount"));
    }

    @Test
    void regionWithoutSubregionsMatchesOnlyProgrammesTargetingItDirectly() {
        JsonPath body = programmes(Map.of("regionId", "yunnan", "includeSubregions", false), "NAME", 100);

        assertEquals(List.of("prog-2024-hu-dian-hometown-tour", "task-2018-01", "task-2018-02", "task-2018-03",
                "task-2018-04", "task-2018-05", "task-2018-06"), ids(body).stream().sorted().toList());
        assertEquals(7, body.getInt("data.programmes.totalCount"));
    }

    @Test
    void organisationTargetMatchesTheRegionItIsLocatedIn() {
        // 双柏一中 is located in 双柏县; the pairing programme targets the school (and 楚雄州, which is not inside 双柏县).
        JsonPath body = programmes(Map.of("regionId", "yunnan-chuxiong-shuangbai"), null, 100);

        assertEquals(List.of("prog-2023-jiading-chuxiong-school-pairing"), ids(body));
    }

    @Test
    void modeFilterMatchesAnyOfTheListedModes() {
        JsonPath lecturing = programmes(Map.of("mode", List.of("LOCAL_LECTURING")), null, 100);
        JsonPath either = programmes(Map.of("mode", List.of("LOCAL_LECTURING", "SHANGHAI_CLASS")), null, 100);

        assertEquals(List.of("prog-2018-training-07", "prog-2018-training-08", "prog-2018-training-09",
                "prog-2018-training-10", "prog-2024-hu-ka-lectures-kashgar-polytechnic"),
                curated(lecturing).stream().sorted().toList());
        assertEquals(List.of("LOCAL_LECTURING"), lecturing.getList("data.programmes.edges.node.mode").stream()
                .distinct().toList());
        assertEquals(6, curated(either).size());
        assertTrue(curated(either).contains("prog-2018-training-11"));
        assertTrue(List.of("LOCAL_LECTURING", "SHANGHAI_CLASS")
                .containsAll(either.getList("data.programmes.edges.node.mode")));
    }

    @Test
    void filtersCombineWithAnd() {
        JsonPath body = programmes(Map.of("mode", List.of("LOCAL_LECTURING"), "year", 2018,
                "category", List.of("TRAINING")), "SEQUENCE", 100);

        assertEquals(List.of("prog-2018-training-07", "prog-2018-training-08", "prog-2018-training-09",
                "prog-2018-training-10"), ids(body));
        assertEquals(40.0, body.getDouble("data.programmes.totalFundingWan"), 1e-9);
    }

    @Test
    void yearFilterMatchesOnlyThatYear() {
        JsonPath body = programmes(Map.of("year", 2024), null, 100);

        assertEquals(10, curated(body).size());
        assertTrue(curated(body).contains("prog-2024-hu-dian-hometown-tour"));
        assertEquals(List.of(2024), body.getList("data.programmes.edges.node.year").stream().distinct().toList());
    }

    @Test
    void implementerFilterMatchesProgrammesTheOrganisationRuns() {
        JsonPath body = programmes(Map.of("implementerId", "shanghai-teacher-training-centre"), "NAME", 100);

        assertEquals(List.of("prog-2018-training-01", "prog-2018-training-02", "prog-2018-training-03",
                "prog-2018-training-04", "prog-2018-training-05", "prog-2018-training-06", "prog-2018-training-11",
                "task-2018-02", "task-2018-09", "task-2018-14", "task-2018-40"), ids(body).stream().sorted().toList());
    }

    @Test
    void implementerAndRegionCombine() {
        // 师资培训中心 runs task 2 (云南); its other programmes target 喀什, 日喀则, 果洛, 遵义.
        JsonPath body = programmes(Map.of("implementerId", "shanghai-teacher-training-centre", "regionId", "yunnan"),
                null, 100);

        assertEquals(List.of("task-2018-02"), ids(body));
    }

    @Test
    void textFilterMatchesPartOfTheName() {
        JsonPath body = programmes(Map.of("text", "影子"), "SEQUENCE", 100);

        assertEquals(List.of("prog-2018-training-01", "prog-2018-training-02", "prog-2018-training-06"), ids(body));
    }

    @Test
    void defaultSortIsNewestYearFirstThenId() {
        JsonPath body = programmes(Map.of("regionId", "yunnan"), null, 100);

        assertEquals(List.of("prog-2024-hu-dian-enterprise-practice", "prog-2024-hu-dian-hometown-tour",
                "prog-2023-chuxiong-enrolment-to-shanghai", "prog-2023-hu-dian-teacher-training",
                "prog-2023-jiading-chuxiong-school-pairing", "prog-2023-seig-chuxiong-training", "task-2018-01",
                "task-2018-02", "task-2018-03", "task-2018-04", "task-2018-05", "task-2018-06"), ids(body));
    }

    @Test
    void nothingMatchingIsAnEmptyPageNotAnError() {
        JsonPath body = programmes(Map.of("text", "没有这个项目"), null, 10);

        assertEquals(0, body.getInt("data.programmes.totalCount"));
        assertEquals(0.0, body.getDouble("data.programmes.totalFundingWan"));
        assertEquals(List.of(), ids(body));
        assertEquals(false, body.getBoolean("data.programmes.pageInfo.hasNextPage"));
        assertNull(body.get("data.programmes.pageInfo.endCursor"));
        assertNull(body.get("data.programmes.pageInfo.startCursor"));
    }
}
