package org.partnergraph.node;

import java.util.List;
import java.util.Optional;

import org.neo4j.driver.Value;
import org.partnergraph.organization.Organization;
import org.partnergraph.region.Region;

/** Turns a graph node of any business label into its API type. */
public final class Nodes {

    /** The labels that {@link #from} maps; queries over any node restrict themselves to these. */
    public static final List<String> LABELS = List.of("Organization", "Region");

    private Nodes() {
    }

    public static Optional<Node> from(Value node, List<String> labels) {
        if (labels.contains("Organization")) {
            return Optional.of(Organization.from(node));
        }
        if (labels.contains("Region")) {
            return Optional.of(Region.from(node));
        }
        return Optional.empty();
    }
}
