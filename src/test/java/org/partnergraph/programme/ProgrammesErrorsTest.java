package org.partnergraph.programme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.partnergraph.common.Cursor;
import org.partnergraph.testing.GraphQLClient;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * programmes: invalid arguments are BAD_USER_INPUT, a page above the size limit LIMIT_EXCEEDED, unknown ids
 * NOT_FOUND; each message names the argument.
 */
@QuarkusTest
class ProgrammesErrorsTest {

    static final String QUERY = "programme/programmes";

    static JsonPath programmes(Map<String, Object> filter, String sort, Integer first, String after) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("filter", filter);
        variables.put("sort", sort);
        variables.put("first", first);
        variables.put("after", after);
        return GraphQLClient.anonymous().file(QUERY, variables);
    }

    static void assertError(JsonPath body, String code, String messagePart) {
        assertEquals(code, body.getString("errors[0].extensions.code"), body::prettify);
        assertTrue(body.getString("errors[0].message").contains(messagePart), body::prettify);
        assertNull(body.get("data"), body::prettify);
        assertFalse(body.prettify().contains("Exception"), body::prettify);
    }

    @Test
    void unknownRegionIsNotFound() {
        assertError(programmes(Map.of("regionId", "atlantis"), null, null, null), "NOT_FOUND", "regionId");
    }

    @Test
    void regionIdOfSomethingElseIsNotFound() {
        assertError(programmes(Map.of("regionId", "kashgar-polytechnic"), null, null, null), "NOT_FOUND", "regionId");
    }

    @Test
    void unknownRegionIsNotFoundWithoutSubregionsToo() {
        assertError(programmes(Map.of("regionId", "atlantis", "includeSubregions", false), null, null, null),
                "NOT_FOUND", "regionId");
    }

    @Test
    void unknownImplementerIsNotFound() {
        assertError(programmes(Map.of("implementerId", "no-such-college"), null, null, null), "NOT_FOUND",
                "implementerId");
    }

    @Test
    void unknownTableIsNotFound() {
        assertError(programmes(Map.of("partOfId", "prog-1999-no-table"), null, null, null), "NOT_FOUND", "partOfId");
    }

    @Test
    void firstZeroIsBadUserInput() {
        assertError(programmes(null, null, 0, null), "BAD_USER_INPUT", "first");
    }

    @Test
    void firstAboveTheCapIsLimitExceeded() {
        assertError(programmes(null, null, 101, null), "LIMIT_EXCEEDED", "first");
    }

    @Test
    void malformedCursorIsBadUserInput() {
        assertError(programmes(null, null, 5, "definitely-not-a-cursor!"), "BAD_USER_INPUT", "after");
    }

    @Test
    void cursorOfAnotherSortIsBadUserInput() {
        JsonPath byName = programmes(Map.of("year", 2018), "NAME", 5, null);
        String endCursor = byName.getString("data.programmes.pageInfo.endCursor");

        assertError(programmes(Map.of("year", 2018), "YEAR", 5, endCursor), "BAD_USER_INPUT", "NAME");
    }

    @Test
    void cursorWithANonNumericYearKeyIsBadUserInput() {
        String forged = Cursor.of("YEAR_DESC", "twenty", "task-2018-01").encode();

        assertError(programmes(null, null, 5, forged), "BAD_USER_INPUT", "after");
    }

    @Test
    void emptyModeListIsBadUserInput() {
        assertError(programmes(Map.of("mode", List.of()), null, null, null), "BAD_USER_INPUT", "filter.mode");
    }

    @Test
    void emptyCategoryListIsBadUserInput() {
        assertError(programmes(Map.of("category", List.of()), null, null, null), "BAD_USER_INPUT", "filter.category");
    }

    @Test
    void yearOutOfRangeIsBadUserInput() {
        assertError(programmes(Map.of("year", 1800), null, null, null), "BAD_USER_INPUT", "filter.year");
    }

    @Test
    void blankTextIsBadUserInput() {
        assertError(programmes(Map.of("text", "   "), null, null, null), "BAD_USER_INPUT", "filter.text");
    }

    @Test
    void blankIdIsBadUserInput() {
        assertError(programmes(Map.of("implementerId", " "), null, null, null), "BAD_USER_INPUT",
                "filter.implementerId");
    }
}
