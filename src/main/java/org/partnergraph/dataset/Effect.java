package org.partnergraph.dataset;

import java.util.List;
import java.util.Map;

/**
 * What one change writes to the graph: node rows by label and relationship rows by type, in the shape
 * they are stored in. Stored with the change (as JSON) so the projector, a replay and a rebuild write
 * exactly what was validated when the change was accepted, whatever the validator says later.
 */
public record Effect(
        /** label → rows of stored properties (with id) */
        Map<String, List<Map<String, Object>>> nodes,
        /** relationship type → rows of {from, to, props, owner?} */
        Map<String, List<Map<String, Object>>> relationships) {
}
