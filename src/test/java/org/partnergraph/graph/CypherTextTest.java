package org.partnergraph.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** CypherText fills what String.formatted fills, for the specifiers statement templates use, and refuses the rest. */
class CypherTextTest {

    @Test
    void fillsAsStringFormattedDoes() {
        String[] templates = {
            "MATCH (%1$s)-[:R]->(%2$s) WHERE %2$s.id <> %1$s.id RETURN %2$s",
            "%s %s %s",
            "100%% of %s%n",
            "[%1$s IN [COLLECT { %2$s }] | %13$s %14$s %10$s %11$s %12$s %3$s %4$s %5$s %6$s %7$s %8$s %9$s]",
            "no specifiers, 学校 and $parameters",
            """
                COLLECT {
                  MATCH (%1$s)
                  RETURN %1$s {.id, .name}
                }""",
        };
        Object[] arguments = {"a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n"};
        for (String template : templates) {
            assertEquals(template.formatted(arguments), CypherText.fill(template, arguments), template);
        }
    }

    @Test
    void refusesWhatItDoesNotFillInsteadOfFillingItWrongly() {
        for (String template : new String[] {"LIMIT %d", "%.2f", "%-5s", "%1$d", "ends in %", "%12"}) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> CypherText.fill(template, 1), template);
            assertTrue(refused.getMessage().contains("specifier") || refused.getMessage().contains("%"), refused::getMessage);
        }
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> CypherText.fill("%1$s %3$s", "a", "b"));
        assertEquals("the template refers to argument 3 of 2", missing.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CypherText.fill("%s %s", "a"));
    }
}
