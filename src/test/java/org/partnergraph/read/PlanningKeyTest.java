package org.partnergraph.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The key by which the planner remembers which statements Neo4j has planned (and so which get the planning
 * allowance on top of the read timeout): Neo4j keys its plans by text and parameter types, so the same text with
 * a null where a string or a list was is planned again and must count as new.
 */
class PlanningKeyTest {

    static final String TEXT = "CALL () {\nMATCH (n:Organization {id: $p0}) RETURN n {.name} AS r0\n}\nRETURN r0";

    static Map<String, Object> parameters(Object p0, Object p1) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("p0", p0);
        parameters.put("p1", p1);
        return parameters;
    }

    @Test
    void otherValuesOfTheSameTypesAreTheSamePlan() {
        assertEquals(CompiledReads.planningKey(TEXT, parameters("a", List.of("PAIRED_WITH"))),
                CompiledReads.planningKey(TEXT, parameters("b", List.of("SUPPORTS", "CO_BUILDS"))));
        assertEquals(CompiledReads.planningKey(TEXT, parameters(20L, null)), CompiledReads.planningKey(TEXT, parameters(100L, null)));
    }

    @Test
    void aNullWhereAValueWasIsAnotherPlan() {
        // The first page has no cursor ($after null), the next one has; a kind filter left out is null.
        assertNotEquals(CompiledReads.planningKey(TEXT, parameters("a", null)), CompiledReads.planningKey(TEXT, parameters("a", "x")));
        assertNotEquals(CompiledReads.planningKey(TEXT, parameters("a", null)),
                CompiledReads.planningKey(TEXT, parameters("a", List.of("PAIRED_WITH"))));
        assertNotEquals(CompiledReads.planningKey(TEXT, parameters("a", 1L)), CompiledReads.planningKey(TEXT, parameters("a", "1")));
        assertNotEquals(CompiledReads.planningKey(TEXT, parameters("a", List.of())),
                CompiledReads.planningKey(TEXT, parameters("a", List.of("PAIRED_WITH"))));
    }

    @Test
    void anotherTextIsAnotherPlan() {
        assertNotEquals(CompiledReads.planningKey(TEXT, parameters("a", null)),
                CompiledReads.planningKey(TEXT.replace(".name", ".id"), parameters("a", null)));
    }

    @Test
    void theKeyDoesNotDependOnTheOrderTheParametersWereAddedIn() {
        Map<String, Object> one = new java.util.LinkedHashMap<>();
        one.put("p0", "a");
        one.put("p1", null);
        Map<String, Object> other = new java.util.LinkedHashMap<>();
        other.put("p1", null);
        other.put("p0", "b");
        assertEquals(CompiledReads.planningKey(TEXT, one), CompiledReads.planningKey(TEXT, other));
    }
}
