package org.partnergraph.read;

/**
 * A feature's part of the read planner: the node shapes of its types, the fields it can compile and
 * the root queries it answers. Features contribute; the planner, not each resolver, talks to Neo4j.
 */
public interface ReadContribution {

    void contribute(ReadCatalog.Builder catalog);
}
