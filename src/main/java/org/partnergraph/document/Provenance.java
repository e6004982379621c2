package org.partnergraph.document;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import org.neo4j.driver.Value;

/**
 * The sources of a node or relationship as stored in the graph: parallel lists of document ids,
 * quotes and implied flags (Neo4j properties cannot hold maps).
 */
public record Provenance(List<String> documentIds, List<String> quotes, List<Boolean> impliedFlags) {

    public static Provenance from(Value entity) {
        return new Provenance(
                entity.get("sources").asList(Value::asString, List.of()),
                entity.get("quotes").asList(Value::asString, List.of()),
                entity.get("impliedFlags").asList(Value::asBoolean, List.of()));
    }

    public static Provenance none() {
        return new Provenance(List.of(), List.of(), List.of());
    }

    /** The distinct documents, in citation order. */
    public List<String> distinctDocumentIds() {
        return List.copyOf(new LinkedHashSet<>(documentIds));
    }

    public List<Citation> citations() {
        List<Citation> citations = new ArrayList<>();
        for (int i = 0; i < documentIds.size(); i++) {
            citations.add(new Citation(documentIds.get(i), i < quotes.size() ? quotes.get(i) : "",
                    i < impliedFlags.size() && impliedFlags.get(i)));
        }
        return citations;
    }

    /** True when every source only implies the fact. */
    public boolean implied() {
        return !impliedFlags.isEmpty() && impliedFlags.stream().allMatch(b -> b);
    }
}
