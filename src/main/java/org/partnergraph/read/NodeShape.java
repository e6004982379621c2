package org.partnergraph.read;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.neo4j.driver.Value;

/**
 * How a node label maps to a GraphQL object type: its plain fields (a GraphQL field and a node property of
 * the same name), the ones its record cannot be built without, and the mapper that builds the record (the
 * same {@code from(Value)} the repositories use, which reads maps and nodes alike). Every curated node also
 * carries its provenance, which the record keeps for fields such as {@code sources} and {@code citations}.
 */
public record NodeShape(String type, String label, List<String> fields, List<String> required,
        Map<String, List<String>> derived, Function<Value, Object> mapper) {

    /** The provenance properties every curated node carries (see document.Provenance). */
    static final List<String> PROVENANCE = List.of("sources", "quotes", "impliedFlags");

    /**
     * The Node interface's display fields: every shaped record computes them from the properties it is
     * never built without (name, and kind or level), so selecting them projects nothing more and calls no
     * resolver.
     */
    static final List<String> FROM_REQUIRED = List.of("label", "type", "subtype");

    /** Every property the record reads. */
    List<String> properties() {
        List<String> all = new ArrayList<>(fields);
        all.addAll(PROVENANCE);
        return all;
    }

    /**
     * The properties to project when the client selected {@code selected} (field names) and nothing else
     * needs the record: the required ones and the selected plain fields. Fewer properties read is fewer
     * store reads in Neo4j and fewer bytes on the wire.
     */
    List<String> properties(Collection<String> selected) {
        return fields.stream().filter(f -> required.contains(f) || selected.contains(f)).toList();
    }

    /**
     * The plain fields a derived field (one the record computes, such as Event.dateApproximate from dateQualifier)
     * is computed from, or null when {@code field} is not derived. Selecting it projects those, not the whole
     * node, and the record computes it as the resolvers' record does: the same mapper.
     */
    List<String> derivedFrom(String field) {
        return derived.get(field);
    }
}
