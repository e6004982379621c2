package org.partnergraph.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

class BundleReaderTest {

    static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode load(String name) throws IOException {
        try (InputStream in = BundleReaderTest.class.getResourceAsStream("/dataset/" + name)) {
            return JSON.readTree(in);
        }
    }

    static List<Problem> problems(JsonNode bundle) {
        return assertThrows(BundleRejectedException.class, () -> BundleReader.read(bundle, BundleReader.Known.none()))
                .problems();
    }

    static void assertProblem(List<Problem> problems, String row, String field, String reason) {
        assertTrue(problems.stream().anyMatch(p -> p.row().startsWith(row) && p.field().equals(field)
                && p.reason().contains(reason)), "expected " + row + " " + field + ": " + reason + " in\n"
                        + String.join("\n", problems.stream().map(Problem::toString).toList()));
    }

    @Test
    void badBundleListsEveryProblemAtOnce() throws IOException {
        List<Problem> problems = problems(load("bad-bundle.json"));

        assertProblem(problems, "documents[0]", "date", "is not a date (YYYY, YYYY-MM or YYYY-MM-DD)");
        assertProblem(problems, "regions[0]", "level", "unknown value 'GALAXY'");
        assertProblem(problems, "organizations[0]", "region", "unknown reference 'nowhere-region'");
        assertProblem(problems, "organizations[1]", "id", "duplicate id 'test-bad-school'");
        assertProblem(problems, "organizations[2]", "quotes", "looks like a phone number");
        assertProblem(problems, "organizations[2]", "quotes", "contact details");
        assertProblem(problems, "programmes[0]", "fundingWan", "must not be negative");
        assertProblem(problems, "programmes[0]", "sources[0].document", "unknown document 'doc-missing'");
        assertProblem(problems, "relationships[0]", "to", "to itself");
        assertProblem(problems, "relationships[0]", "until", "before since");
        assertEquals(11, problems.size(), String.join("\n", problems.stream().map(Problem::toString).toList()));
    }

    @Test
    void goodBundleBecomesNodesAndDerivedLinks() throws IOException {
        Bundle bundle = BundleReader.read(load("good-bundle.json"), BundleReader.Known.none());

        assertEquals("test-good-bundle", bundle.id());
        assertEquals(8, bundle.nodeCount());
        // 2 explicit + PART_OF county→province + 2 LOCATED_IN + HAS_DEPARTMENT + 2 programme PART_OF
        assertEquals(8, bundle.relationshipCount());
        Map<String, Object> college = bundle.nodes().get("Organization").get(0);
        assertEquals("测职院", college.get("aliasText"));
        assertEquals(List.of("doc-test-good"), college.get("sources"));
        Map<String, Object> runs = bundle.relationships().get("RUNS").get(0);
        assertEquals(true, ((Map<?, ?>) runs.get("props")).get("implied"));
    }

    @Test
    void statedTotalMustAgreeWithItsRows() throws IOException {
        ObjectNode bundle = (ObjectNode) load("good-bundle.json");
        ((ObjectNode) bundle.withArray("programmes").get(0)).put("statedTotalFundingWan", 31.0);

        assertProblem(problems(bundle), "programmes (test-good-table)", "statedTotalFundingWan",
                "differs from the rows' sum 30.5");
    }

    @Test
    void referencesMayPointAtNodesAlreadyInTheGraphButMustHaveTheRightLabel() throws IOException {
        ObjectNode bundle = (ObjectNode) load("good-bundle.json");
        ((ObjectNode) bundle.withArray("organizations").get(0)).put("region", "existing-region");
        BundleReader.read(bundle, new BundleReader.Known(Map.of("existing-region", "Region"), Set.of()));

        ((ObjectNode) bundle.withArray("organizations").get(0)).put("region", "existing-school");
        assertProblem(problems(bundle.deepCopy()), "organizations[0]", "region", "unknown reference");
        List<Problem> wrongLabel = assertThrows(BundleRejectedException.class, () -> BundleReader.read(bundle,
                new BundleReader.Known(Map.of("existing-school", "Organization"), Set.of()))).problems();
        assertProblem(wrongLabel, "organizations[0]", "region", "is a Organization; expected Region");
    }

    @Test
    void unknownFieldsAndSectionsAreReported() throws IOException {
        ObjectNode bundle = (ObjectNode) load("good-bundle.json");
        bundle.putArray("people");
        ((ObjectNode) bundle.withArray("organizations").get(0)).put("phone", "x");

        List<Problem> problems = problems(bundle);
        assertProblem(problems, "bundle", "people", "unknown section");
        assertProblem(problems, "organizations[0]", "phone", "unknown field");
    }

    @Test
    void phoneNumbersAreRefusedInEveryDisguise() throws IOException {
        ObjectNode bundle = (ObjectNode) load("good-bundle.json");
        ((ObjectNode) bundle.withArray("documents").get(0)).put("excerpt", "联络 23116628");
        ((ObjectNode) bundle.withArray("regions").get(0).withArray("sources").get(0)).put("quote", "电：３１２１７４６");
        ((ObjectNode) bundle.withArray("relationships").get(0)).putObject("attributes").put("contact", 3121746);

        List<Problem> problems = problems(bundle);
        assertProblem(problems, "documents[0]", "excerpt", "looks like a phone number");
        assertProblem(problems, "regions[0]", "quotes", "looks like a phone number");
        assertProblem(problems, "relationships[0]", "attributes.contact", "looks like a phone number");
    }

    @Test
    void partialDatesCompareByTheirWholePeriod() {
        assertTrue(BundleReader.PartialDates.before("2023", "2024-01"));
        assertTrue(!BundleReader.PartialDates.before("2024-06", "2024"));
        assertTrue(!BundleReader.PartialDates.valid("2024-02-30"));
    }
}
