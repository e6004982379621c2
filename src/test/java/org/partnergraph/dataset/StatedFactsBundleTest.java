package org.partnergraph.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.partnergraph.dataset.BundleReaderTest.JSON;
import static org.partnergraph.dataset.BundleReaderTest.assertProblem;
import static org.partnergraph.dataset.BundleReaderTest.load;
import static org.partnergraph.dataset.BundleReaderTest.problems;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A bundle's quantities and awards: stored typed with their citations, or refused naming the field. */
class StatedFactsBundleTest {

    static final String SOURCE = "\"sources\": [{\"document\": \"doc-test-good\", \"quote\": \"约10场\"}]";

    /** The good bundle with {@code json} as the quantities of its SUPPORTS. */
    static ObjectNode withQuantities(String json) throws IOException {
        ObjectNode bundle = (ObjectNode) load("good-bundle.json");
        ((ObjectNode) bundle.withArray("relationships").get(0)).set("quantities", JSON.readTree(json));
        return bundle;
    }

    static String quantity(String fields) {
        return "{\"measure\": \"LECTURES\", \"value\": 10, \"unit\": \"场\", " + fields + SOURCE + "}";
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> props(Bundle read, String type) {
        return (Map<String, Object>) read.relationships().get(type).get(0).get("props");
    }

    @Test
    void quantitiesAreStoredWithTheirQualifierAndCitationAndApproximateFollowsTheQualifier() throws IOException {
        ObjectNode bundle = withQuantities("[" + quantity("\"qualifier\": \"约\", ") + ", {\"measure\": \"COURSES\", "
                + "\"value\": 3, \"unit\": \"门\", " + SOURCE + "}]");
        ObjectNode event = (ObjectNode) JSON.readTree("{\"id\": \"test-good-event\", \"name\": \"e\", \"kind\": "
                + "\"LECTURE\", \"date\": \"2024-05\", \"participants\": 80, \"quantities\": [{\"measure\": "
                + "\"PARTICIPANTS\", \"value\": 80, \"unit\": \"人\", \"approximate\": true, \"qualifier\": \"余\", "
                + SOURCE + "}], " + SOURCE + "}");
        bundle.withArray("events").add(event);

        Bundle read = BundleReader.read(bundle, BundleReader.Known.none());

        JsonNode stored = JSON.readTree((String) props(read, "SUPPORTS").get("quantities"));
        assertEquals(JSON.readTree("[{\"measure\": \"LECTURES\", \"value\": 10, \"unit\": \"场\", \"approximate\": true, "
                + "\"qualifier\": \"约\", \"sources\": [{\"document\": \"doc-test-good\", \"quote\": \"约10场\", "
                + "\"implied\": false}]}, {\"measure\": \"COURSES\", \"value\": 3, \"unit\": \"门\", \"approximate\": false, "
                + "\"sources\": [{\"document\": \"doc-test-good\", \"quote\": \"约10场\", \"implied\": false}]}]"), stored);
        Map<String, Object> storedEvent = read.nodes().get("Event").get(0);
        assertEquals(true, JSON.readTree((String) storedEvent.get("quantities")).get(0).get("approximate").asBoolean());
        assertFalse(storedEvent.containsKey("lectures"));
    }

    @Test
    void awardsAreOnlyForAnAwardeesParticipation() throws IOException {
        ObjectNode bundle = (ObjectNode) load("good-bundle.json");
        bundle.withArray("events").add(JSON.readTree("{\"id\": \"test-good-contest\", \"name\": \"c\", \"kind\": "
                + "\"COMPETITION\", \"date\": \"2024\", " + SOURCE + "}"));
        String award = "[{\"level\": \"二等奖\", \"count\": 3, \"unit\": \"个\", " + SOURCE + "}]";
        bundle.withArray("relationships").add(JSON.readTree("{\"id\": \"rel-test-good-awardee\", \"type\": "
                + "\"PARTICIPATED_IN\", \"from\": \"test-good-school\", \"to\": \"test-good-contest\", \"role\": \"AWARDEE\", "
                + "\"awards\": " + award + ", " + SOURCE + "}"));
        Bundle read = BundleReader.read(bundle, BundleReader.Known.none());
        assertEquals(JSON.readTree("[{\"level\": \"二等奖\", \"count\": 3, \"unit\": \"个\", \"sources\": [{\"document\": "
                + "\"doc-test-good\", \"quote\": \"约10场\", \"implied\": false}]}]"),
                JSON.readTree((String) props(read, "PARTICIPATED_IN").get("awards")));

        ((ObjectNode) bundle.withArray("relationships").get(2)).put("role", "PARTICIPANT");
        ((ObjectNode) bundle.withArray("relationships").get(0)).set("awards", JSON.readTree(award));
        List<Problem> problems = problems(bundle);
        assertProblem(problems, "relationships[0]", "awards", "only a PARTICIPATED_IN with role AWARDEE states awards");
        assertProblem(problems, "relationships[2]", "awards", "only a PARTICIPATED_IN with role AWARDEE states awards");
    }

    @Test
    void badQuantitiesAreEachReportedNamingTheField() throws IOException {
        List<Problem> problems = problems(withQuantities("[" + String.join(", ",
                quantity("\"qualifier\": \"约\", ").replace("LECTURES", "MEDALS"),
                quantity("").replace("10,", "-1,"),
                quantity("").replace("10,", "5000000,").replace("LECTURES", "COURSES"),
                quantity("\"qualifier\": \"大约\", ").replace("LECTURES", "EXPERTS"),
                quantity("\"approximate\": true, ").replace("LECTURES", "STUDENTS"),
                quantity("\"approximate\": false, \"qualifier\": \"余\", ").replace("LECTURES", "TEACHERS"),
                quantity("").replace("10,", "2.5,").replace("LECTURES", "PARTICIPANTS"),
                "{\"measure\": \"LECTURES\", \"value\": 3}",
                quantity("\"colour\": \"red\", ").replace("LECTURES", "ACCOMPANYING_TEACHERS"),
                quantity("").replace("doc-test-good", "doc-nothing").replace("LECTURES", "JOINT_TEACHING_RESEARCH_OFFICES"),
                quantity("").replace("约10场", "联系电话 13912345678")) + "]"));

        assertProblem(problems, "relationships[0]", "quantities[0].measure", "unknown value 'MEDALS'; expected one of [COURSES");
        assertProblem(problems, "relationships[0]", "quantities[1].value", "must not be negative");
        assertProblem(problems, "relationships[0]", "quantities[2].value", "must be between 0 and 1000000");
        assertProblem(problems, "relationships[0]", "quantities[3].qualifier", "unknown value '大约'; expected one of [约, 余");
        assertProblem(problems, "relationships[0]", "quantities[4].qualifier",
                "an approximate number needs its qualifier as written");
        assertProblem(problems, "relationships[0]", "quantities[5].approximate", "must be true with qualifier '余'");
        assertProblem(problems, "relationships[0]", "quantities[6].value", "must be a whole number");
        assertProblem(problems, "relationships[0]", "quantities[7].sources", "at least one source {document, quote} is required");
        assertProblem(problems, "relationships[0]", "quantities[8].colour", "unknown field");
        assertProblem(problems, "relationships[0]", "quantities[9].sources[0].document", "unknown document 'doc-nothing'");
        assertProblem(problems, "relationships[0]", "quantities[10].sources[0].quote", "looks like a phone number");
        assertProblem(problems, "relationships[0]", "quantities[7].measure", "'LECTURES' is stated twice");
    }

    /** Every field of a quantity, an award and their citations, set in turn to each wrong shape: reported, never thrown. */
    @Test
    void everyFieldOfAQuantityOrAwardInEveryShapeIsReadOrReportedNeverThrown() throws IOException {
        ObjectNode good = (ObjectNode) load("good-bundle.json");
        good.withArray("events").add(JSON.readTree("{\"id\": \"test-good-contest\", \"name\": \"c\", \"kind\": "
                + "\"COMPETITION\", \"date\": \"2024\", " + SOURCE + "}"));
        good.withArray("relationships").add(JSON.readTree("{\"id\": \"rel-test-good-awardee\", \"type\": "
                + "\"PARTICIPATED_IN\", \"from\": \"test-good-school\", \"to\": \"test-good-contest\", \"role\": "
                + "\"AWARDEE\", \"quantities\": [" + quantity("\"approximate\": true, \"qualifier\": \"约\", ")
                + "], \"awards\": [{\"level\": \"金\", \"count\": 1, \"unit\": \"个\", \"category\": \"c\", "
                + SOURCE + "}], " + SOURCE + "}"));
        BundleReader.read(good, BundleReader.Known.none());
        List<JsonNode> shapes = List.of(JSON.getNodeFactory().numberNode(5), JSON.getNodeFactory().textNode(""),
                JSON.getNodeFactory().textNode("x\u0000"), JSON.getNodeFactory().nullNode(), JSON.createArrayNode(),
                JSON.createArrayNode().add(5), JSON.createObjectNode(), JSON.getNodeFactory().booleanNode(true),
                JSON.getNodeFactory().numberNode(Double.NEGATIVE_INFINITY), JSON.getNodeFactory().numberNode(2.5),
                JSON.getNodeFactory().numberNode(new java.math.BigInteger("9".repeat(40))));
        int rejected = 0;
        for (String list : List.of("quantities", "awards")) {
            List<String> fields = new java.util.ArrayList<>(List.of("(item)", "sources.document", "sources.quote",
                    "sources.implied"));
            good.withArray("relationships").get(2).get(list).get(0).fieldNames().forEachRemaining(fields::add);
            for (String field : fields) {
                for (JsonNode shape : shapes) {
                    ObjectNode bundle = good.deepCopy();
                    com.fasterxml.jackson.databind.node.ArrayNode items =
                            (com.fasterxml.jackson.databind.node.ArrayNode) bundle.withArray("relationships").get(2).get(list);
                    ObjectNode item = (ObjectNode) items.get(0);
                    if ("(item)".equals(field)) {
                        items.set(0, shape);
                    } else if (field.startsWith("sources.")) {
                        ((ObjectNode) item.get("sources").get(0)).set(field.substring(8), shape);
                    } else {
                        item.set(field, shape);
                    }
                    try {
                        BundleReader.read(bundle, BundleReader.Known.none());
                    } catch (BundleRejectedException expected) {
                        rejected++;
                    }
                }
            }
        }
        assertEquals(true, rejected > 100, rejected + " rejected");
    }

    @Test
    void numbersAreNoLongerFreeAttributeNamesForTheTypedOnes() throws IOException {
        ObjectNode bundle = (ObjectNode) load("good-bundle.json");
        ((ObjectNode) bundle.withArray("relationships").get(0)).putObject("attributes").put("quantities", "3门");
        assertProblem(problems(bundle), "relationships[0]", "attributes.quantities", "not an allowed attribute name");
    }

    @Test
    void quantitiesAreOnlyOnRowsThatStateThem() throws IOException {
        ObjectNode bundle = (ObjectNode) load("good-bundle.json");
        ((ObjectNode) bundle.withArray("organizations").get(0)).set("quantities", JSON.readTree("[" + quantity("") + "]"));
        assertProblem(problems(bundle), "organizations[0]", "quantities", "unknown field");
    }
}
