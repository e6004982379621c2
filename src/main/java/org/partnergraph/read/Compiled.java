package org.partnergraph.read;

import java.util.function.Function;

import org.neo4j.driver.Value;

/**
 * One selected field, compiled: the Cypher expression that computes its value inside the request's
 * statement, and how to turn what Neo4j answers into the value the GraphQL field returns.
 */
public record Compiled(String expression, Function<Value, Object> reader) {
}
