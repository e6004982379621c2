package org.partnergraph.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;


/** How a repository's fragment joins a request's statement: its parameters renamed to fresh ones. */
class ReadPlanBindTest {

    private static ReadPlan plan() {
        return new ReadPlan(ReadCatalog.of(List.of()));
    }

    @Test
    void eachParameterGetsAFreshNameHoldingItsValueAndRepeatsShareIt() {
        ReadPlan plan = plan();
        String bound = plan.bind("MATCH (o {id: $id})-[:R]->(x) WHERE x.kind IN $kinds AND x.id <> $id RETURN x LIMIT $limit",
                Map.of("id", "org-1", "kinds", List.of("SCHOOL"), "limit", 20));
        assertEquals("MATCH (o {id: $p0})-[:R]->(x) WHERE x.kind IN $p1 AND x.id <> $p0 RETURN x LIMIT $p2", bound);
        assertEquals(Map.of("p0", "org-1", "p1", List.of("SCHOOL"), "p2", 20), plan.parameters());
    }

    @Test
    void namesAreWholeIdentifiersAndTheTextAroundThemIsKept() {
        ReadPlan plan = plan();
        // $a_b1 is one name (not $a followed by text), a name may end the text, and a $ before no letter is text.
        assertEquals("RETURN $p0 + $p1, '$5', $ ", plan.bind("RETURN $a_b1 + $a, '$5', $ ", Map.of("a_b1", 1, "a", 2)));
        assertEquals("x = $p2", plan.bind("x = $end", Map.of("end", 3)));
        assertEquals(Map.of("p0", 1, "p1", 2, "p2", 3), plan.parameters());
    }

    @Test
    void aFragmentWithoutParametersIsItself() {
        String text = "MATCH (n) RETURN n";
        assertSame(text, plan().bind(text, Map.of()));
    }

    @Test
    void theParametersOfANestedProjectionAlreadyInTheTextStayAsTheyAre() {
        ReadPlan plan = plan();
        String nested = "COLLECT { MATCH (x) WHERE x.id = " + plan.parameter("inner") + " RETURN x }";
        assertEquals("MATCH (o {id: $p1}) RETURN " + nested,
                plan.bind("MATCH (o {id: $id}) RETURN " + nested, Map.of("id", "outer")));
        assertEquals(Map.of("p0", "inner", "p1", "outer"), plan.parameters());
    }

    @Test
    void aParameterWithoutAValueIsRefusedNamingIt() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> plan().bind("RETURN $missing", Map.of()));
        assertEquals("No value for $missing in a compiled fragment", refused.getMessage());
    }
}
