package org.partnergraph.graph;

/** Fired once the graph is reachable and its schema is in place; the dataset seeder listens. */
public record GraphReady() {
}
