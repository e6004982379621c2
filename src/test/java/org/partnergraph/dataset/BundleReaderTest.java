package org.partnergraph.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.partnergraph.agreement.AgreementKind;
import org.partnergraph.document.DocumentKind;
import org.partnergraph.event.EventKind;
import org.partnergraph.event.ParticipationRole;
import org.partnergraph.fact.QuantityMeasure;
import org.partnergraph.fact.StatedFacts;
import org.partnergraph.organization.OrganizationKind;
import org.partnergraph.programme.ProgrammeCategory;
import org.partnergraph.programme.ProgrammeMode;
import org.partnergraph.region.RegionLevel;
import org.partnergraph.timeline.CooperationStatus;
import org.partnergraph.timeline.DateQualifier;
import org.partnergraph.timeline.Progress;

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
        assertProblem(problems, "organizations[2]", "sources[0].quote", "looks like a phone number");
        assertProblem(problems, "organizations[2]", "sources[0].quote", "contact details");
        assertProblem(problems, "programmes[0]", "fundingWan", "must not be negative");
        assertProblem(problems, "programmes[0]", "sources[0].document", "unknown document 'doc-missing'");
        assertProblem(problems, "relationships[0]", "to", "to itself");
        assertProblem(problems, "relationships[0]", "until", "before since");
        assertEquals(10, problems.size(), String.join("\n", problems.stream().map(Problem::toString).toList()));
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
        assertProblem(problems, "regions[0]", "sources[0].quote", "looks like a phone number");
        assertProblem(problems, "relationships[0]", "attributes.contact", "looks like a phone number");
    }

    @Test
    void structuralFaultsAreReportedFromTheSchemaInTheImportersWords() throws IOException {
        ObjectNode bundle = (ObjectNode) load("good-bundle.json");
        bundle.put("bundle", "Not A Slug");
        bundle.put("events", "not a list");
        ObjectNode college = (ObjectNode) bundle.withArray("organizations").get(0);
        college.put("id", "Bad Id").put("name", "  ").put("kind", 5).put("nameEn", "x\u0000y");
        college.putArray("shortNames").add(" ");
        ObjectNode region = (ObjectNode) bundle.withArray("regions").get(0);
        region.remove("sources");
        region.put("level", "").putNull("nameEn");
        ObjectNode row = (ObjectNode) bundle.withArray("programmes").get(1);
        row.put("name", "长".repeat(201)).put("year", 1800).put("participants", -3).put("fundingWan", "x").put("sequence", 2.5);
        ObjectNode supports = (ObjectNode) bundle.withArray("relationships").get(0);
        supports.put("type", "FRIENDS").put("since", "2024-02-30");
        supports.putObject("attributes").put("Bad", 1).put("ok", "a\u0001").putArray("list");
        ((ObjectNode) supports.withArray("sources").get(0)).put("quote", " ").put("implied", "yes").remove("document");
        bundle.withArray("departments").add(5);

        List<Problem> problems = problems(bundle);
        assertProblem(problems, "bundle", "bundle", "must be a lowercase slug (a-z, 0-9, single dashes)");
        assertProblem(problems, "bundle", "events", "must be a list");
        assertProblem(problems, "organizations[0]", "id", "'Bad Id' is not a lowercase slug");
        assertProblem(problems, "organizations[0]", "name", "must not be blank");
        assertProblem(problems, "organizations[0]", "kind", "must be a string");
        assertProblem(problems, "organizations[0]", "nameEn", "contains control characters");
        assertProblem(problems, "organizations[0]", "shortNames", "must contain only non-blank strings");
        assertProblem(problems, "regions[0]", "sources", "at least one source {document, quote} is required");
        assertProblem(problems, "regions[0]", "level", "must not be blank");
        assertProblem(problems, "programmes[1]", "name", "longer than 200 characters");
        assertProblem(problems, "programmes[1]", "year", "must be between 1949 and 2100");
        assertProblem(problems, "programmes[1]", "participants", "must not be negative");
        assertProblem(problems, "programmes[1]", "fundingWan", "must be a number (万元)");
        assertProblem(problems, "programmes[1]", "sequence", "must be a whole number");
        assertProblem(problems, "relationships[0]", "type", "unknown value 'FRIENDS'; expected one of [MEMBER_OF,");
        assertProblem(problems, "relationships[0]", "since", "'2024-02-30' is not a date");
        assertProblem(problems, "relationships[0]", "attributes.Bad", "not an allowed attribute name");
        assertProblem(problems, "relationships[0]", "attributes.ok", "contains control characters");
        assertProblem(problems, "relationships[0]", "attributes.list", "must be a string, number or boolean");
        assertProblem(problems, "relationships[0]", "sources[0].document", "is required");
        assertProblem(problems, "relationships[0]", "sources[0].quote", "a short supporting quote is required");
        assertProblem(problems, "relationships[0]", "sources[0].implied", "must be true or false");
        assertProblem(problems, "departments[1]", "(row)", "must be an object");
        // One report per fault: the blank level is not also an unknown value, the number not also a non-kind.
        assertEquals(1, problems.stream().filter(p -> p.row().startsWith("regions[0]") && p.field().equals("level")).count());
        assertEquals(1, problems.stream().filter(p -> p.row().startsWith("organizations[0]") && p.field().equals("kind")).count());
    }

    /** Wrong shapes anywhere are reported as problems, never thrown as anything else (INTERNAL). */
    @Test
    void valuesOfTheWrongShapeAreProblemsNotCrashes() throws IOException {
        String source = "\"sources\": [{\"document\": \"d\", \"quote\": \"q\"}]";
        String document = "{\"id\": \"d\", \"title\": \"t\", \"issuer\": \"i\", \"date\": \"2024\", \"kind\": \"NOTICE\"}";
        String region = "{\"id\": \"r\", \"name\": \"n\", \"level\": \"AREA\", " + source + "}";
        Map<String, String> cases = Map.of(
                "{}", "bundle bundle: is required",
                "{\"bundle\": 5, \"description\": 5, \"events\": {}, \"documents\": [\"x\", null]}", "documents[1] (row): must be an object",
                "{\"bundle\": \"b\", \"regions\": [{\"id\": 5, \"name\": [], \"level\": \"AREA\", \"sources\": [5, {}], \"shortNames\": \"x\", "
                        + "\"parent\": {}}]}", "regions[0] (5) shortNames: must be a list of strings",
                "{\"bundle\": \"b\", \"documents\": [" + document + "], \"regions\": [" + region + "], \"statedCounts\": [{\"id\": \"c\", "
                        + "\"subject\": \"r\", \"count\": \"1\", \"description\": \"x\", \"named\": [5, \"nope\"], " + source + "}]}",
                "statedCounts[0] (c) named: unknown reference 'nope'",
                "{\"bundle\": \"b\", \"documents\": [" + document + "], \"regions\": [" + region + "], \"relationships\": [{\"id\": \"y\", "
                        + "\"type\": 7, \"from\": \"r\", \"to\": 5, \"attributes\": {\"\": 1, \"n\": 12345678901234567890123}, "
                        + source + "}, {\"id\": \"x\", \"type\": \"TARGETS\", \"from\": \"r\", \"to\": \"r\", \"attributes\": 5, " + source + "}]}",
                "relationships[0] (y) attributes.n: a number of seven or more digits looks like a phone number");
        for (Map.Entry<String, String> bad : cases.entrySet()) {
            List<Problem> problems = problems(JSON.readTree(bad.getKey()));
            assertTrue(problems.stream().anyMatch(p -> p.toString().startsWith(bad.getValue())),
                    bad.getValue() + " in\n" + String.join("\n", problems.stream().map(Problem::toString).toList()));
        }
    }

    @Test
    void openListIsABooleanAndAnOpenListLeavesMembersUnnamed() throws IOException {
        String source = "\"sources\": [{\"document\": \"d\", \"quote\": \"q\"}]";
        String document = "{\"id\": \"d\", \"title\": \"t\", \"issuer\": \"i\", \"date\": \"2024\", \"kind\": \"NOTICE\"}";
        String region = "{\"id\": \"r\", \"name\": \"n\", \"level\": \"AREA\", " + source + "}";
        String bundle = "{\"bundle\": \"b\", \"documents\": [" + document + "], \"regions\": [" + region
                + "], \"statedCounts\": [{\"id\": \"c\", \"subject\": \"r\", \"count\": %d, \"description\": \"x\", "
                + "\"named\": [\"r\"], \"openList\": %s, " + source + "}]}";
        for (String notBoolean : List.of("\"true\"", "1", "[]", "{}")) {
            assertProblem(problems(JSON.readTree(bundle.formatted(2, notBoolean))), "statedCounts[0]", "openList", "");
        }
        assertProblem(problems(JSON.readTree(bundle.formatted(1, "true"))), "statedCounts[0]", "openList",
                "all 1 are named");
        Bundle open = BundleReader.read(JSON.readTree(bundle.formatted(2, "true")), BundleReader.Known.none());
        assertEquals(true, open.nodes().get("StatedCount").get(0).get("openList"));
        Bundle closed = BundleReader.read(JSON.readTree(bundle.formatted(1, "false")), BundleReader.Known.none());
        assertEquals(false, closed.nodes().get("StatedCount").get(0).get("openList"));
    }

    /** Every field of every row of the good bundle, and every citation field, set in turn to each wrong shape. */
    @Test
    void everyFieldOfEveryShapeIsReadOrReportedNeverThrown() throws IOException {
        ObjectNode good = (ObjectNode) load("good-bundle.json");
        String source = "\"sources\": [{\"document\": \"doc-test-good\", \"quote\": \"q\"}]";
        good.withArray("majors").add(JSON.readTree("{\"id\": \"test-good-major\", \"name\": \"m\", \"organization\": "
                + "\"test-good-school\", \"department\": \"test-good-school-civil\", " + source + "}"));
        good.withArray("agreements").add(JSON.readTree("{\"id\": \"test-good-agreement\", \"name\": \"a\", \"kind\": "
                + "\"MEMORANDUM\", \"date\": \"2024\", \"period\": \"2024-2026\", " + source + "}"));
        good.withArray("events").add(JSON.readTree("{\"id\": \"test-good-event\", \"name\": \"e\", \"kind\": \"VISIT\", "
                + "\"date\": \"2024-05\", \"endDate\": \"2024-06\", \"participants\": 3, \"region\": \"test-good-county\", "
                + source + "}"));
        good.withArray("statedCounts").add(JSON.readTree("{\"id\": \"test-good-count\", \"subject\": \"test-good-province\", "
                + "\"count\": 2, \"description\": \"d\", \"named\": [\"test-good-school\"], " + source + "}"));
        BundleReader.read(good, BundleReader.Known.none());
        List<JsonNode> shapes = List.of(JSON.getNodeFactory().numberNode(5), JSON.getNodeFactory().textNode(""),
                JSON.getNodeFactory().textNode("x\u0000"), JSON.getNodeFactory().nullNode(), JSON.createArrayNode(),
                JSON.createArrayNode().add(5), JSON.createObjectNode(), JSON.getNodeFactory().booleanNode(true),
                JSON.getNodeFactory().numberNode(Double.NEGATIVE_INFINITY),
                JSON.getNodeFactory().numberNode(new java.math.BigInteger("9".repeat(40))));
        int cases = 0;
        for (String section : List.of("documents", "regions", "organizations", "departments", "majors", "agreements",
                "programmes", "events", "statedCounts", "relationships")) {
            for (int i = 0; i < good.get(section).size(); i++) {
                List<String> fields = new ArrayList<>();
                good.get(section).get(i).fieldNames().forEachRemaining(fields::add);
                fields.addAll(List.of("sources.document", "sources.quote", "sources.implied", "attributes", "quantities",
                        "awards"));
                for (String field : fields) {
                    for (JsonNode shape : shapes) {
                        ObjectNode bundle = good.deepCopy();
                        ObjectNode row = (ObjectNode) bundle.get(section).get(i);
                        if (field.startsWith("sources.") && row.has("sources")) {
                            ((ObjectNode) row.get("sources").get(0)).set(field.substring(8), shape);
                        } else {
                            row.set(field, shape);
                        }
                        try {
                            BundleReader.read(bundle, BundleReader.Known.none());
                        } catch (BundleRejectedException expected) {
                            cases++;
                        }
                    }
                }
            }
        }
        assertTrue(cases > 1000, cases + " rejected");
    }

    @Test
    void optionalBlankOrNullFieldsAreAbsentAndTextIsStripped() throws IOException {
        ObjectNode bundle = (ObjectNode) load("good-bundle.json");
        ((ObjectNode) bundle.withArray("organizations").get(0)).put("nameEn", "  ").put("name", " 测试职业技术学院 ");
        ((ObjectNode) bundle.withArray("organizations").get(1)).putNull("region");

        Bundle read = BundleReader.read(bundle, BundleReader.Known.none());

        Map<String, Object> college = read.nodes().get("Organization").get(0);
        assertEquals("测试职业技术学院", college.get("name"));
        assertTrue(!college.containsKey("nameEn"));
        assertEquals(" 测试职业技术学院 ", bundle.withArray("organizations").get(0).get("name").asText(), "input unchanged");
    }

    @Test
    void numbersThatAreNotFiniteAreRefused() throws IOException {
        ObjectNode bundle = (ObjectNode) load("good-bundle.json");
        ((ObjectNode) bundle.withArray("programmes").get(1)).put("fundingWan", Double.POSITIVE_INFINITY);
        ((ObjectNode) bundle.withArray("relationships").get(0)).putObject("attributes").put("teachers", Double.NaN);

        List<Problem> problems = problems(bundle);
        assertProblem(problems, "programmes[1]", "fundingWan", "must be a finite number");
        assertProblem(problems, "relationships[0]", "attributes.teachers", "must be a finite number");
    }

    /** The schema lists the kinds for editors; the importer's enums are what the graph and the API know. */
    @Test
    void schemaKindsAreTheEnumsOfTheCode() throws IOException {
        JsonNode schema;
        try (InputStream in = BundleReaderTest.class.getResourceAsStream(BundleReader.SCHEMA_FILE)) {
            schema = JSON.readTree(in);
        }
        Map<String, Enum<?>[]> kinds = new java.util.HashMap<>(Map.of(
                "/documents/properties/kind", DocumentKind.values(),
                "/regions/properties/level", RegionLevel.values(),
                "/organizations/properties/kind", OrganizationKind.values(),
                "/agreements/properties/kind", AgreementKind.values(),
                "/programmes/properties/category", ProgrammeCategory.values(),
                "/programmes/properties/mode", ProgrammeMode.values(),
                "/events/properties/kind", EventKind.values(),
                "/relationships/properties/role", ParticipationRole.values(),
                "/relationships/properties/type", RelationshipType.values()));
        kinds.put("/status", CooperationStatus.values());
        kinds.put("/progress", Progress.values());
        kinds.put("/quantities/items/properties/measure", QuantityMeasure.values());
        kinds.forEach((pointer, values) -> {
            List<String> listed = new ArrayList<>();
            schema.at("/$defs" + pointer + "/enum").forEach(v -> listed.add(v.asText()));
            assertEquals(Arrays.stream(values).map(Enum::name).toList(), listed, pointer);
        });
        Set<String> qualifiers = new java.util.HashSet<>();
        schema.at("/$defs/qualifier/enum").forEach(v -> qualifiers.add(v.asText()));
        assertEquals(StatedFacts.QUALIFIERS, qualifiers, "the qualifiers the importer names are the schema's");
        List<String> dateQualifiers = new ArrayList<>();
        schema.at("/$defs/dateQualifier/enum").forEach(v -> dateQualifiers.add(v.asText()));
        assertEquals(DateQualifier.writtenForms(), dateQualifiers, "the date qualifiers of the schema are the code's table");
    }

    /** A programme's qualifiers are stored as written; whether they make a date approximate is the code's table. */
    @Test
    void dateQualifiersAreStoredAsWritten() throws IOException {
        ObjectNode bundle = dated();
        ObjectNode table = (ObjectNode) bundle.withArray("programmes").get(0);
        table.put("dateQualifier", " 暑假期间 ");
        table.put("endDateQualifier", "预计");
        Map<String, Object> stored = BundleReader.read(bundle, BundleReader.Known.none()).nodes().get("Programme").get(0);
        assertEquals("暑假期间", stored.get("dateQualifier"), "stripped, as written");
        assertEquals("预计", stored.get("endDateQualifier"));
        assertTrue(!stored.containsKey("dateApproximate"), "derived, never stored: " + stored);
        assertTrue(DateQualifier.approximate("左右") && DateQualifier.approximate("暑假期间") && DateQualifier.approximate("预计"));
        assertTrue(!DateQualifier.approximate("月底") && !DateQualifier.approximate("上旬") && !DateQualifier.approximate(null));
    }

    @Test
    void badDateQualifiersAreRefusedNamingTheField() throws IOException {
        record Case(String field, String value, String date, String dateValue, String problemField, String reason) {
        }
        List<Case> cases = List.of(
                new Case("dateQualifier", "大约", null, null, "dateQualifier", "unknown value '大约'; expected one of"),
                new Case("endDateQualifier", "about", null, null, "endDateQualifier", "unknown value 'about'"),
                new Case("dateQualifier", "左右", "date", null, "dateQualifier",
                        "a date qualifier needs the date it qualifies (date)"),
                new Case("endDateQualifier", "预计", "endDate", null, "endDateQualifier",
                        "a date qualifier needs the date it qualifies (endDate)"),
                new Case("dateQualifier", "月底", "date", "2024-06-30", "dateQualifier",
                        "'月底' qualifies a month (YYYY-MM), but date is '2024-06-30'"),
                new Case("dateQualifier", "年底", "date", "2024-06", "dateQualifier",
                        "'年底' qualifies a year (YYYY), but date is '2024-06'"),
                new Case("dateQualifier", "", null, null, "dateQualifier", "must not be blank"));
        for (Case c : cases) {
            ObjectNode bundle = dated();
            ObjectNode row = (ObjectNode) bundle.withArray("programmes").get(0);
            row.put(c.field(), c.value());
            if (c.date() != null && c.dateValue() == null) {
                row.remove(c.date());
            } else if (c.date() != null) {
                row.put(c.date(), c.dateValue());
            }
            if (c.value().isEmpty()) {
                // A blank optional field is absent: nothing to refuse.
                BundleReader.read(bundle, BundleReader.Known.none());
                continue;
            }
            assertProblem(problems(bundle), "programmes[0]", c.problemField(), c.reason());
        }
        ObjectNode bundle = dated();
        ObjectNode event = bundle.putArray("events").addObject().put("id", "test-good-visit").put("name", "测试调研")
                .put("kind", "VISIT").put("date", "2024-06").put("dateQualifier", "月底").put("endDateQualifier", "左右");
        event.putArray("sources").addObject().put("document", "doc-test-good").put("quote", "6月底");
        assertProblem(problems(bundle), "events[0]", "endDateQualifier", "needs the date it qualifies (endDate)");
    }

    @Test
    void partialDatesCompareByTheirWholePeriod() {
        assertTrue(BundleReader.PartialDates.before("2023", "2024-01"));
        assertTrue(!BundleReader.PartialDates.before("2024-06", "2024"));
        assertTrue(!BundleReader.PartialDates.valid("2024-02-30"));
    }

    /** The good bundle with a status on its partnership and a dated, planned programme. */
    static ObjectNode dated() throws IOException {
        ObjectNode bundle = (ObjectNode) load("good-bundle.json");
        ObjectNode supports = (ObjectNode) bundle.withArray("relationships").get(0);
        supports.put("status", "IN_COORDINATION");
        supports.put("statusDate", "2024-05-01");
        supports.putArray("statusSources").addObject().put("document", "doc-test-good").put("quote", "对接中");
        ObjectNode table = (ObjectNode) bundle.withArray("programmes").get(0);
        table.put("date", "2024-06");
        table.put("endDate", "2024-08");
        table.put("progress", "PLANNED");
        return bundle;
    }

    @Test
    void aStatusIsStoredWithItsDateAndCitationsAndAProgrammeWithItsMonth() throws IOException {
        Bundle bundle = BundleReader.read(dated(), BundleReader.Known.none());

        Map<?, ?> supports = (Map<?, ?>) bundle.relationships().get("SUPPORTS").get(0).get("props");
        assertEquals("IN_COORDINATION", supports.get("status"));
        assertEquals("2024-05-01", supports.get("statusDate"));
        assertEquals(List.of("doc-test-good"), supports.get("statusSources"));
        assertEquals(List.of("对接中"), supports.get("statusQuotes"));
        assertEquals(List.of(false), supports.get("statusImpliedFlags"));
        assertEquals(List.of("以校包系"), supports.get("quotes"), "the partnership's own sources stay apart");
        Map<String, Object> table = bundle.nodes().get("Programme").get(0);
        assertEquals("2024-06", table.get("date"));
        assertEquals("2024-08", table.get("endDate"));
        assertEquals("PLANNED", table.get("progress"));
    }

    @Test
    void badStatusesAndDatesAreRefusedNamingTheField() throws IOException {
        record Case(String section, String field, Object value, String remove, String problemField, String reason) {
        }
        List<Case> cases = List.of(
                new Case("relationships", "status", "MAYBE", null, "status", "unknown value 'MAYBE'"),
                new Case("relationships", "statusDate", "2023-13", null, "statusDate", "'2023-13' is not a date"),
                new Case("relationships", "statusDate", "2023-02-30", null, "statusDate", "'2023-02-30' is not a date"),
                new Case("relationships", "statusDate", "2024", "statusSources", "statusDate",
                        "a status date needs the source that states it"),
                new Case("relationships", "status", "ACTIVE", "statusSources", "statusSources",
                        "a status needs the source that states it"),
                new Case("relationships", "statusDate", "2024", "status", "statusDate",
                        "a status date needs the status it dates"),
                new Case("programmes", "date", "2023-10", null, "date", "'2023-10' is not in year 2024"),
                new Case("programmes", "endDate", "2024-05", null, "endDate", "'2024-05' is before date '2024-06'"),
                new Case("programmes", "date", "2024-02-30", null, "date", "'2024-02-30' is not a date"),
                new Case("programmes", "progress", "SOMEDAY", null, "progress", "unknown value 'SOMEDAY'"));
        for (Case c : cases) {
            ObjectNode bundle = dated();
            ObjectNode row = (ObjectNode) bundle.withArray(c.section()).get(0);
            if (c.value() instanceof String text) {
                row.put(c.field(), text);
            }
            if (c.remove() != null) {
                row.remove(c.remove());
            }
            assertProblem(problems(bundle), c.section() + "[0]", c.problemField(), c.reason());
        }
    }

    @Test
    void onlyPartnershipsHaveAStatus() throws IOException {
        ObjectNode bundle = dated();
        ObjectNode runs = (ObjectNode) bundle.withArray("relationships").get(1);
        assertEquals("RUNS", runs.path("type").asText());
        runs.put("status", "ACTIVE");
        runs.putArray("statusSources").addObject().put("document", "doc-test-good").put("quote", "测");
        List<Problem> problems = problems(bundle);
        assertProblem(problems, "relationships[1]", "status", "only PAIRED_WITH, SUPPORTS and CO_BUILDS have a status");
    }

    /** A further statement of the dated bundle's partnership status. */
    static ObjectNode further(ObjectNode bundle, String status, String date, String quote) {
        ObjectNode supports = (ObjectNode) bundle.withArray("relationships").get(0);
        ObjectNode statement = supports.withArray("furtherStatuses").addObject();
        statement.put("status", status);
        if (date != null) {
            statement.put("date", date);
        }
        statement.putArray("sources").addObject().put("document", "doc-test-good").put("quote", quote);
        return bundle;
    }

    @Test
    void furtherStatementsAreKeptInTheOrderRecordedAndTheLatestDatedIsTheStatus() throws IOException {
        ObjectNode bundle = further(further(further(dated(), "ACTIVE", "2024-09", "已签署"), "PROPOSED", "2024", "建议"),
                "ENDED", null, "已结束");
        Map<?, ?> supports = (Map<?, ?>) BundleReader.read(bundle, BundleReader.Known.none()).relationships()
                .get("SUPPORTS").get(0).get("props");
        assertEquals(List.of("IN_COORDINATION", "ACTIVE", "PROPOSED", "ENDED"), supports.get("statusHistoryStatuses"));
        assertEquals(List.of("2024-05-01", "2024-09", "2024", ""), supports.get("statusHistoryDates"));
        assertEquals("[{\"document\":\"doc-test-good\",\"quote\":\"已签署\",\"implied\":false}]",
                ((List<?>) supports.get("statusHistoryCitations")).get(1));
        // 2024-09 is the latest date; the undated ENDED cannot be placed after it.
        assertEquals("ACTIVE", supports.get("status"));
        assertEquals("2024-09", supports.get("statusDate"));
        assertEquals(List.of("已签署"), supports.get("statusQuotes"));
        assertEquals(List.of("doc-test-good"), supports.get("statusSources"));
        assertEquals(null, supports.get("furtherStatuses"), "stored as the history, not as a field");
    }

    @Test
    void theLatestIsTheLastDatedByDateThenByRecordingAndUndatedOnlyWithoutDates() {
        assertEquals(1, org.partnergraph.timeline.StatusStatement.latest(java.util.Arrays.asList("2023", "2023-07-30", "2023-07")));
        assertEquals(2, org.partnergraph.timeline.StatusStatement.latest(java.util.Arrays.asList("2024-05", null, "2024-05")));
        assertEquals(0, org.partnergraph.timeline.StatusStatement.latest(java.util.Arrays.asList("2024", null)));
        assertEquals(1, org.partnergraph.timeline.StatusStatement.latest(java.util.Arrays.asList(null, null)));
        assertEquals(2, org.partnergraph.timeline.StatusStatement.latest(java.util.Arrays.asList(null, "2022", "2023-01")));
    }

    @Test
    void badFurtherStatementsAreRefusedNamingTheirField() throws IOException {
        assertProblem(problems(further(dated(), "ACTIVE", "2024-13", "已签署")), "relationships[0]",
                "furtherStatuses[0].date", "'2024-13' is not a date");
        assertProblem(problems(further(dated(), "ACTIVE", "2024-02-30", "已签署")), "relationships[0]",
                "furtherStatuses[0].date", "'2024-02-30' is not a date");
        assertProblem(problems(further(dated(), "MAYBE", "2024", "已签署")), "relationships[0]",
                "furtherStatuses[0].status", "unknown value 'MAYBE'");
        assertProblem(problems(further(dated(), "ACTIVE", "2024", " ")), "relationships[0]",
                "furtherStatuses[0].sources[0].quote", "a short supporting quote is required");
        ObjectNode unknown = further(dated(), "ACTIVE", "2024", "已签署");
        ((ObjectNode) unknown.withArray("relationships").get(0).get("furtherStatuses").get(0).get("sources").get(0))
                .put("document", "doc-nothing");
        assertProblem(problems(unknown), "relationships[0]", "furtherStatuses[0].sources[0].document",
                "unknown document 'doc-nothing'");
        assertProblem(problems(further(dated(), "IN_COORDINATION", "2024-05-01", "另一句")), "relationships[0]",
                "furtherStatuses[0]", "IN_COORDINATION on 2024-05-01 is already stated by the same document (status)");
        assertProblem(problems(further(further(dated(), "ACTIVE", null, "一"), "ACTIVE", null, "二")), "relationships[0]",
                "furtherStatuses[1]", "ACTIVE, undated, is already stated by the same document (furtherStatuses[0])");
        ObjectNode first = further(dated(), "ACTIVE", "2024", "已签署");
        ObjectNode supports = (ObjectNode) first.withArray("relationships").get(0);
        supports.remove(List.of("status", "statusDate", "statusSources"));
        assertProblem(problems(first), "relationships[0]", "furtherStatuses",
                "further statements need the first one (status, statusSources)");
    }
}
