package org.partnergraph.dataset;

import java.util.List;
import java.util.Map;

import org.partnergraph.document.Document;

/**
 * A validated dataset bundle, ready to write: every reference resolves, every value is in range.
 * Nodes and relationships are already in the shape they are stored in (property maps), so the
 * repository writes them with a handful of UNWIND statements.
 */
public record Bundle(
        String id,
        List<Document> documents,
        /** label → rows of {id, props} */
        Map<String, List<Map<String, Object>>> nodes,
        /** relationship type → rows of {from, to, key, props} */
        Map<String, List<Map<String, Object>>> relationships) {

    public Effect effect() {
        return new Effect(nodes, relationships);
    }

    public int nodeCount() {
        return nodes.values().stream().mapToInt(List::size).sum();
    }

    public int relationshipCount() {
        return relationships.values().stream().mapToInt(List::size).sum();
    }
}
