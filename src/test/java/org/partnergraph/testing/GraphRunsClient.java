package org.partnergraph.testing;

import static org.partnergraph.testing.Responses.ok;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * rebuildGraph and replayChanges as a test needs them: started, then followed with graphRun until the run has
 * ended, however long the suite's change log makes it (the mutation answers RUNNING after its wait).
 */
public final class GraphRunsClient {

    private static final Duration PATIENCE = Duration.ofMinutes(5);

    private GraphRunsClient() {
    }

    /** rebuildGraph, to its end: the ended run's fields. */
    public static Map<String, Object> rebuild(GraphQLClient admin) {
        return follow(admin, ok(admin.file("change/rebuildGraph")).getMap("data.rebuildGraph"));
    }

    /** replayChanges(after), to its end: the ended run's fields. */
    public static Map<String, Object> replay(GraphQLClient admin, String after) {
        Map<String, Object> variables = new HashMap<>();
        if (after != null) {
            variables.put("after", after);
        }
        return follow(admin, ok(admin.file("change/replayChanges", variables)).getMap("data.replayChanges"));
    }

    /** Asks graphRun(id) until the run is no longer RUNNING. */
    public static Map<String, Object> follow(GraphQLClient admin, Map<String, Object> run) {
        Instant deadline = Instant.now().plus(PATIENCE);
        Map<String, Object> current = run;
        while ("RUNNING".equals(current.get("status"))) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("graph run still RUNNING after " + PATIENCE + ": " + current);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            current = ok(admin.file("change/graphRun", Map.of("id", current.get("id")))).getMap("data.graphRun");
        }
        return current;
    }
}
