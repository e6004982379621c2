package org.partnergraph.fact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.partnergraph.testing.Responses.assertError;
import static org.partnergraph.testing.Responses.ok;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.partnergraph.testing.GraphQLClient;
import org.partnergraph.testing.Snapshot;
import org.partnergraph.testing.WriteFixture;
import org.partnergraph.testing.WriteTest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * createPartnership and upsertProgramme take quantities, and importDataset takes quantities and awards: held to the
 * importer's rules (measure, range, qualifier as written, approximate only with it, a quote for each), refused whole
 * naming the field, and then read back typed.
 */
@QuarkusTest
class QuantityWritesTest extends WriteTest {

    static final GraphQLClient EDITOR = GraphQLClient.as("eddie", "editor");

    static Map<String, Object> quantity(Object... fields) {
        return WriteFixture.input(Map.of("measure", "LECTURES", "value", 10, "unit", "场",
                "qualifier", "约", "source", WriteFixture.source("开展约10场讲座")), fields);
    }

    static JsonPath create(String supported, List<Map<String, Object>> quantities) {
        return EDITOR.file("fact/createWithQuantities", Map.of("input", Map.of("kind", "CO_BUILDS",
                "supporterId", WriteFixture.COLLEGE, "supportedId", supported, "source", WriteFixture.source("共建"),
                "quantities", quantities)));
    }

    static JsonPath upsert(String id, List<Map<String, Object>> quantities) {
        return EDITOR.file("fact/upsertWithQuantities", Map.of("input", Map.of("id", id, "name", "测试讲座项目",
                "category", "TRAINING", "mode", "OTHER", "year", 2025, "participants", 80,
                "source", WriteFixture.source("讲座"), "quantities", quantities)));
    }

    static String school(String id) {
        ok(EDITOR.file("organization/upsertOrganization", Map.of("input", Map.of("id", id, "name", "写测" + id,
                "kind", "SCHOOL", "source", WriteFixture.source("写测")))));
        return id;
    }

    @Test
    void aCoBuildingKeepsItsNumbersTypedWithTheirQuotes() {
        String school = school("test-w-q-cobuilt");
        JsonPath body = ok(create(school, List.of(quantity("measure", "COURSES", "value", 3, "unit", "门",
                "qualifier", null, "source", WriteFixture.source("共建3门课程")), quantity())));
        assertEquals(List.of(
                Map.of("measure", "COURSES", "value", 3, "unit", "门", "approximate", false, "citations",
                        List.of(Map.of("quote", "共建3门课程", "document", Map.of("id", WriteFixture.DOCUMENT)))),
                Map.of("measure", "LECTURES", "value", 10, "unit", "场", "approximate", true, "qualifier", "约",
                        "citations", List.of(Map.of("quote", "开展约10场讲座", "document", Map.of("id", WriteFixture.DOCUMENT))))),
                body.getList("data.createPartnership.partnership.quantities").stream()
                        .map(q -> withoutNulls(q)).toList());

        JsonPath supporters = ok(GraphQLClient.anonymous().file("fact/supporters", Map.of("id", school)));
        assertEquals(List.of("COURSES", "LECTURES"), supporters.getList("data.supportersOf[0].quantities.measure"));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> withoutNulls(Object quantity) {
        Map<String, Object> copy = new HashMap<>((Map<String, Object>) quantity);
        copy.values().removeIf(v -> v == null);
        return copy;
    }

    @Test
    void aProgrammesQualifiedCountIsApproximateAndAnUpdateReplacesIt() {
        JsonPath body = ok(upsert("test-w-q-programme", List.of(quantity("measure", "PARTICIPANTS", "value", 80,
                "unit", "人", "qualifier", "余"))));
        assertEquals(List.of(true), body.getList("data.upsertProgramme.programme.quantities.approximate"));
        assertEquals(List.of("余"), body.getList("data.upsertProgramme.programme.quantities.qualifier"));

        JsonPath exact = ok(upsert("test-w-q-programme", List.of(quantity("measure", "PARTICIPANTS", "value", 82,
                "unit", "人", "qualifier", null))));
        assertEquals(List.of(82), exact.getList("data.upsertProgramme.programme.quantities.value"));
        assertEquals(List.of(false), exact.getList("data.upsertProgramme.programme.quantities.approximate"));
    }

    @Test
    void badQuantitiesAreRefusedNamingTheFieldAndNothingIsWritten() {
        String school = school("test-w-q-invalid");
        Snapshot before = snapshot();

        assertError(create(school, List.of(quantity("value", -1))), "BAD_USER_INPUT",
                "input.quantities[0].value: must not be negative");
        assertError(create(school, List.of(quantity("value", 5_000_000))), "BAD_USER_INPUT",
                "input.quantities[0].value: must be between 0 and 1000000");
        assertError(create(school, List.of(quantity("qualifier", "大约"))), "BAD_USER_INPUT",
                "input.quantities[0].qualifier: unknown value '大约'");
        assertError(create(school, List.of(quantity("qualifier", null, "approximate", true))), "BAD_USER_INPUT",
                "input.quantities[0].qualifier: an approximate number needs its qualifier as written");
        assertError(create(school, List.of(quantity("approximate", false))), "BAD_USER_INPUT",
                "input.quantities[0].approximate: must be true with qualifier '约'");
        assertError(create(school, List.of(quantity(), quantity("value", 12))), "BAD_USER_INPUT",
                "input.quantities[1].measure: 'LECTURES' is stated twice");
        assertError(create(school, List.of(quantity("unit", "场场场场场场场场场场场"))), "BAD_USER_INPUT",
                "input.quantities[0].unit: longer than 10 characters");
        assertError(create(school, List.of(quantity("source", Map.of("documentId", "doc-nothing", "quote", "约10场")))),
                "BAD_USER_INPUT", "input.quantities[0].source.documentId: unknown document 'doc-nothing'");
        assertError(create(school, List.of(quantity("source", Map.of("documentId", WriteFixture.DOCUMENT,
                "quote", "联系电话 13912345678")))), "BAD_USER_INPUT", "input.quantities[0].source.quote");
        assertError(create(school, List.of(quantity("measure", "MEDALS"))), "BAD_USER_INPUT", "MEDALS");
        assertError(upsert("test-w-q-bad", List.of(quantity("value", -5))), "BAD_USER_INPUT",
                "input.quantities[0].value: must not be negative");

        assertEquals(before, snapshot());
    }

    static String goodBundle() {
        try (var in = QuantityWritesTest.class.getResourceAsStream("/dataset/good-bundle.json")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A bundle with one bad quantity or award is refused whole: its good rows are not written either. */
    @Test
    void aBundleWithABadQuantityOrAwardWritesNothing() {
        String good = goodBundle().replace("test-good", "test-q-import");
        String quantities = "\"quantities\": [{\"measure\": \"LECTURES\", \"value\": 3, \"unit\": \"场次\", "
                + "\"approximate\": true, \"sources\": [{\"document\": \"doc-test-q-import\", \"quote\": \"讲座3场次\"}]}], ";
        String awards = "\"awards\": [{\"level\": \"金\", \"count\": 0, \"sources\": [{\"document\": "
                + "\"doc-test-q-import\", \"quote\": \"一金\"}]}], ";
        String bad = good.replace("\"scheme\": \"以校包系\", ", "\"scheme\": \"以校包系\", " + quantities + awards);
        Snapshot before = snapshot();

        JsonPath body = EDITOR.file("dataset/importDataset", Map.of("bundle", bad, "dryRun", false));
        assertError(body, "BAD_USER_INPUT", "quantities[0].qualifier: an approximate number needs its qualifier");
        assertError(body, "BAD_USER_INPUT", "awards[0].count: must be between 1 and 10000");
        assertError(body, "BAD_USER_INPUT", "awards: only a PARTICIPATED_IN with role AWARDEE states awards");
        assertEquals(before, snapshot());
    }
}
