package org.partnergraph.partnership;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import graphql.schema.SelectedField;

/**
 * Which keys of a partnership row ({@link Partnership#from}) the read planner projects: those the selected
 * {@code Partnership} fields read, so a page of partnerships for a list does not carry every citation, status
 * statement, stated number and programme node through Neo4j's encoder and the driver's decoder for fields
 * nobody asked for. {@link Partnership#from} reads an absent key as null or empty, which only the unselected
 * fields would have shown. The resolvers keep projecting {@link #ALL}.
 */
final class PartnershipRow {

    /** Every key, in the order the statements always wrote them. */
    static final String ALL = ".id, .kind, .since, .until, .endReason, .scheme, .sources, .quotes, .impliedFlags, "
            + ".through, .status, .quantities, .facts";

    /** What Provenance.from reads: the citations, sources and implied fields all come from it. */
    private static final List<String> CITATIONS = List.of("sources", "quotes", "impliedFlags");

    /** The keys each field reads; id and kind are always read (Partnership.from needs both). */
    private static final Map<String, List<String>> KEYS = Map.ofEntries(
            Map.entry("id", List.of()),
            Map.entry("kind", List.of()),
            Map.entry("__typename", List.of()),
            // the ends are projected beside the keys (the planner's supporter/supported expressions)
            Map.entry("supporter", List.of()),
            Map.entry("supported", List.of()),
            Map.entry("since", List.of("since")),
            Map.entry("until", List.of("until")),
            Map.entry("endReason", List.of("endReason")),
            Map.entry("scheme", List.of("scheme")),
            Map.entry("programme", List.of("through")),
            Map.entry("agreement", List.of("through")),
            Map.entry("implied", CITATIONS),
            Map.entry("citations", CITATIONS),
            Map.entry("sources", CITATIONS),
            Map.entry("status", List.of("status")),
            Map.entry("statusDate", List.of("status")),
            Map.entry("statusDatePrecision", List.of("status")),
            Map.entry("statusCitations", List.of("status")),
            Map.entry("statusHistory", List.of("status")),
            Map.entry("quantities", List.of("quantities")),
            Map.entry("facts", List.of("facts")));

    private PartnershipRow() {
    }

    /**
     * The row keys {@code selection} (fields of {@code Partnership}) reads, as a map projection's items
     * ({@code .id, .kind, .since}); {@link #ALL} when it selects a field this table does not know (a field
     * added to the type later is then still served, only not trimmed).
     */
    static String keys(List<SelectedField> selection) {
        Set<String> keys = new LinkedHashSet<>(List.of("id", "kind"));
        for (SelectedField field : selection) {
            List<String> read = KEYS.get(field.getName());
            if (read == null) {
                return ALL;
            }
            keys.addAll(read);
        }
        return keys.stream().map(key -> "." + key).collect(Collectors.joining(", "));
    }

    /** The field names this table knows: a test holds them equal to the schema's Partnership fields. */
    static Set<String> knownFields() {
        return KEYS.keySet();
    }
}
