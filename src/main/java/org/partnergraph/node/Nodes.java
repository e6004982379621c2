package org.partnergraph.node;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.neo4j.driver.Value;
import org.neo4j.driver.Values;
import org.partnergraph.agreement.Agreement;
import org.partnergraph.department.Department;
import org.partnergraph.department.Major;
import org.partnergraph.event.Event;
import org.partnergraph.organization.Organization;
import org.partnergraph.programme.Programme;
import org.partnergraph.region.Region;

/** Turns a graph node of any business label into its API type. */
public final class Nodes {

    /** The labels that {@link #from} maps; queries over any node restrict themselves to these. */
    public static final List<String> LABELS = List.of("Organization", "Region", "Department", "Major", "Programme",
            "Agreement", "Event", "StatedCount");

    private Nodes() {
    }

    public static Optional<Node> from(Value node, List<String> labels) {
        for (String label : labels) {
            Node mapped = switch (label) {
                case "Organization" -> Organization.from(node);
                case "Region" -> Region.from(node);
                case "Department" -> Department.from(node);
                case "Major" -> Major.from(node);
                case "Programme" -> Programme.from(node);
                case "Agreement" -> Agreement.from(node);
                case "Event" -> Event.from(node);
                case "StatedCount" -> StatedCount.from(node);
                default -> null;
            };
            if (mapped != null) {
                return Optional.of(mapped);
            }
        }
        return Optional.empty();
    }

    /** Maps a node returned whole by a query. */
    public static Node fromNode(org.neo4j.driver.types.Node node) {
        List<String> labels = new ArrayList<>();
        node.labels().forEach(labels::add);
        return from(Values.value(node), labels).orElseThrow(
                () -> new IllegalStateException("No API type for labels " + labels));
    }
}
