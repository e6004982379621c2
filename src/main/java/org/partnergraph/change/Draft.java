package org.partnergraph.change;

import java.util.List;
import java.util.function.UnaryOperator;

import org.partnergraph.dataset.Problem;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What a write wants to change, in bundle form, before validation.
 *
 * @param bundle     a bundle holding the rows to write (validated like a curated bundle)
 * @param targetId   the node or relationship the change is about
 * @param summary    one line for the history
 * @param documentId the source document the write cites, if any
 * @param problems   problems the feature found itself (duplicates, states), reported with the validator's
 * @param fieldName  maps a bundle field (region, sources[0].quote) to the client's name (input.regionId)
 */
public record Draft(ObjectNode bundle, String targetId, String summary, String documentId, List<Problem> problems,
        UnaryOperator<String> fieldName) {
}
