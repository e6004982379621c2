package org.partnergraph.read;

import graphql.schema.SelectedField;

/**
 * How a feature fetches one field of one of its types inside the request's statement. Gets the
 * variable that holds the parent node; answers null when this selection cannot be compiled (the
 * field's resolver then answers it, as before).
 */
@FunctionalInterface
public interface FieldRead {

    Compiled compile(ReadPlan plan, String parent, SelectedField field);
}
