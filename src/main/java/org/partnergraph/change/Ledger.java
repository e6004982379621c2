package org.partnergraph.change;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The current state of every node and stated relationship, as the change log has accepted it (in
 * bundle form). A draft is built and validated against it while the write lock is held, so checks
 * such as "no duplicate active pairing" hold under concurrency, and hold while Neo4j is down.
 */
public interface Ledger {

    /** The label of each id that exists (ids that do not are absent). */
    Map<String, String> labelsOf(Collection<String> ids);

    /** A node's current row in bundle form ({id, name, kind, region, sources: [...]}). */
    Optional<ObjectNode> node(String id);

    Optional<Relationship> relationship(String id);

    /** Stated relationships of one type from one node to another, ended or not. */
    List<Relationship> between(String type, String fromId, String toId);

    record Relationship(String id, String type, String fromId, String toId, String since, String until, ObjectNode row) {
        public boolean active() {
            return until == null;
        }
    }
}
