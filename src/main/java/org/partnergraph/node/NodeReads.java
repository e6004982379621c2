package org.partnergraph.node;

import jakarta.enterprise.context.ApplicationScoped;

import org.neo4j.driver.Value;
import org.partnergraph.read.ReadCatalog;
import org.partnergraph.read.ReadContribution;

/** Any node in a position typed {@code Node} whose label has no shape of its own: returned whole, with its labels. */
@ApplicationScoped
class NodeReads implements ReadContribution {

    @Override
    public void contribute(ReadCatalog.Builder catalog) {
        catalog.anyNode(value -> Nodes.from(value, value.get("__labels").asList(Value::asString)).orElse(null));
    }
}
