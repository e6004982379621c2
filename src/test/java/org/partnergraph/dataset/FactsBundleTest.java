package org.partnergraph.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.partnergraph.dataset.BundleReaderTest.JSON;
import static org.partnergraph.dataset.BundleReaderTest.assertProblem;
import static org.partnergraph.dataset.BundleReaderTest.load;
import static org.partnergraph.dataset.BundleReaderTest.problems;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.partnergraph.fact.StatedFacts;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A bundle's facts: stored with their citations on relationships and nodes, or refused naming the field. */
class FactsBundleTest {

    static final String SOURCE = "\"sources\": [{\"document\": \"doc-test-good\", \"quote\": \"以校包系\"}]";

    static String fact(String name, String value) {
        return "{\"name\": \"" + name + "\", \"value\": \"" + value + "\", " + SOURCE + "}";
    }

    /** The good bundle with {@code json} as the facts of its SUPPORTS. */
    static ObjectNode withFacts(String json) throws IOException {
        ObjectNode bundle = (ObjectNode) load("good-bundle.json");
        ((ObjectNode) bundle.withArray("relationships").get(0)).set("facts", JSON.readTree(json));
        return bundle;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> props(Bundle read, String type) {
        return (Map<String, Object>) read.relationships().get(type).get(0).get("props");
    }

    @Test
    void factsAreStoredWithTheirCitationsOnRelationshipsAndNodes() throws IOException {
        ObjectNode bundle = withFacts("[" + fact("SUBJECTS", "小学数学、语文课程") + "]");
        ((ObjectNode) bundle.withArray("organizations").get(1)).set("facts",
                JSON.readTree("[" + fact("ROLE", "校企合作单位") + "]"));

        Bundle read = BundleReader.read(bundle, BundleReader.Known.none());

        assertEquals(JSON.readTree("[{\"name\": \"SUBJECTS\", \"value\": \"小学数学、语文课程\", \"sources\": [{\"document\": "
                + "\"doc-test-good\", \"quote\": \"以校包系\", \"implied\": false}]}]"),
                JSON.readTree((String) props(read, "SUPPORTS").get(StatedFacts.FACTS)));
        Map<String, Object> school = read.nodes().get("Organization").get(1);
        assertEquals("ROLE", JSON.readTree((String) school.get(StatedFacts.FACTS)).get(0).get("name").asText());
        assertFalse(read.nodes().get("Organization").get(0).containsKey(StatedFacts.FACTS), "no facts, no property");
    }

    @Test
    void badFactsAreEachReportedNamingTheirField() throws IOException {
        String tooLong = "很".repeat(201);
        ObjectNode bundle = withFacts("[" + fact("MEDALS", "金") + ", " + fact("ROLE", " ") + ", " + fact("ROLE", tooLong)
                + ", " + fact("ROLE", "校企\\u0007合作") + ", " + fact("ROLE", "联系电话 13912345678") + ", "
                + fact("OUTCOME", "约10场") + ", {\"name\": \"ROLE\", \"value\": \"校企合作单位\"}, "
                + "{\"name\": \"ROLE\", \"value\": \"校企合作单位\", \"sources\": [{\"document\": \"doc-nothing\", "
                + "\"quote\": \"校企合作\"}]}, {\"name\": \"ROLE\", \"value\": \"校企合作单位\", \"sources\": "
                + "[{\"document\": \"doc-test-good\"}]}, {\"name\": \"ROLE\", \"value\": \"x\", \"unit\": \"门\", " + SOURCE + "}]");
        ((ObjectNode) bundle.withArray("programmes").get(0)).set("facts", JSON.readTree("[" + fact("ACTIVITIES", "3") + "]"));

        List<Problem> problems = problems(bundle);

        String row = "relationships[0]";
        assertProblem(problems, row, "facts[0].name", "unknown value 'MEDALS'");
        assertProblem(problems, row, "facts[1].value", "must not be blank");
        assertProblem(problems, row, "facts[2].value", "longer than 200 characters");
        assertProblem(problems, row, "facts[3].value", "contains control characters");
        assertProblem(problems, row, "facts[4].value", "personal data is never imported");
        assertProblem(problems, row, "facts[5].value", "'约10场' is a number alone; a number goes in quantities");
        assertProblem(problems, row, "facts[6].sources", "at least one source {document, quote} is required");
        assertProblem(problems, row, "facts[7].sources[0].document", "unknown document 'doc-nothing'");
        assertProblem(problems, row, "facts[8].sources[0].quote", "a short supporting quote is required");
        assertProblem(problems, row, "facts[9].unit", "unknown field");
        assertProblem(problems, "programmes[0]", "facts[0].value", "'3' is a number alone");
    }

    @ParameterizedTest
    @ValueSource(strings = {"3", "10", "约10场", "80余人", "两位", "三个", "3门", "50%", "一百二十", "10月左右", " 22人。"})
    void aNumberStandingAloneIsNoFact(String value) {
        assertTrue(StatedFacts.isBareNumber(value), value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"喀什四县乡级学校", "实现该赛事中职学生零的突破", "小学数学、语文课程", "下达的工作任务（见附件1）",
            "一金一银", "十分重要", "花艺"})
    void textAroundANumberIsAFact(String value) {
        assertFalse(StatedFacts.isBareNumber(value), value);
    }
}
