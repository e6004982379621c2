package org.partnergraph.read;

import java.util.List;
import java.util.Map;

import graphql.schema.SelectedField;

/**
 * How a feature answers one root query field inside the request's statement. Validates the arguments
 * first (throwing the coded errors its service would), then answers a {@link Compiled} whose expression
 * is the body of a subquery that returns exactly one row with one column named {@code column}; its reader
 * may throw the coded errors that depend on what was found (NOT_FOUND).
 */
@FunctionalInterface
public interface RootRead {

    Compiled compile(ReadPlan plan, Map<String, Object> arguments, List<SelectedField> selection, String column);
}
