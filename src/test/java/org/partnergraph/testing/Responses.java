package org.partnergraph.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;

/** Assertions on GraphQL responses. */
public final class Responses {

    private Responses() {
    }

    /** No errors; returns the body for chaining. */
    public static JsonPath ok(JsonPath body) {
        assertNull(body.get("errors"), () -> "unexpected errors: " + body.prettify());
        return body;
    }

    /** Exactly the coded error, with a message naming {@code messagePart}, and no internals leaked. */
    public static void assertError(JsonPath body, String code, String messagePart) {
        assertNotNull(body.get("errors"), () -> "expected " + code + " but got: " + body.prettify());
        assertEquals(code, body.getString("errors[0].extensions.code"), body::prettify);
        assertTrue(body.getString("errors[0].message").contains(messagePart),
                () -> "message should mention '" + messagePart + "': " + body.getString("errors[0].message"));
        String text = body.prettify();
        assertFalse(text.contains("Exception") || text.contains("\tat ") || text.contains("org.neo4j"),
                () -> "internals leaked: " + text);
    }
}
