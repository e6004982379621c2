package org.partnergraph.read;

import java.util.List;
import java.util.function.Function;

import org.neo4j.driver.Value;

/**
 * How a node label maps to a GraphQL object type: the properties its record needs and the mapper that
 * builds the record (the same {@code from(Value)} the repositories use, which reads maps and nodes alike).
 */
public record NodeShape(String type, String label, List<String> properties, Function<Value, Object> mapper) {
}
