package org.partnergraph.partnership;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import graphql.schema.SelectedField;

/**
 * The partnership row ({@link Partnership#from}): which keys a statement writes into it, and how.
 * <p>
 * The rows are written where the partnerships are found (the support branches of
 * {@link PartnershipRepository}), as maps of the relationship's properties ({@link #stated}) or of a
 * programme's RUNS and TARGETS ({@link #programme}). The read planner asks only for the keys the selected
 * {@code Partnership} fields read ({@link #of}), so a page of partnerships does not build, sort, compare and
 * encode every citation, status statement, stated number and programme node for fields nobody asked for —
 * building the full map in every branch was a fifth of Neo4j's work on a department's supporters.
 * {@link Partnership#from} reads an absent key as null or empty, which only the unselected fields would have
 * shown. The resolvers keep {@link #ALL_KEYS}.
 */
public final class PartnershipRow {

    /** Every key, in the order the statements always wrote them. */
    public static final Set<String> ALL_KEYS = Collections.unmodifiableSet(new LinkedHashSet<>(List.of("id", "kind", "since", "until",
            "endReason", "scheme", "sources", "quotes", "impliedFlags", "through", "status", "quantities", "facts")));

    /** Every key as a map projection's items. */
    public static final String ALL = projection(ALL_KEYS);

    /**
     * Always written: what the statements themselves filter, sort and page by (id and kind, since for the
     * date sorts and the partner links), whatever the client selected.
     */
    private static final List<String> ALWAYS = List.of("id", "kind", "since");

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

    /**
     * A stated partnership (a PAIRED_WITH, SUPPORTS or CO_BUILDS relationship in {@code r}): each key's
     * expression. {@code through} is the programme or agreement node the relationship names, bound by the
     * branch only when asked for ({@link #through}) or given as an expression ({@link #stated}).
     */
    private static final Map<String, String> STATED = ordered(
            "id", "r.id", "kind", "type(r)", "since", "r.since", "until", "r.until", "endReason", "r.endReason",
            "scheme", "r.scheme", "sources", "r.sources", "quotes", "r.quotes", "impliedFlags", "r.impliedFlags",
            "through", "through",
            "status", "r {.status, .statusDate, .statusSources, .statusQuotes, .statusImpliedFlags, "
                    + ".statusHistoryStatuses, .statusHistoryDates, .statusHistoryCitations}",
            "quantities", "[r.quantities]", "facts", "[r.facts]");

    /**
     * A programme's support (its implementer's RUNS in {@code run}, the programme in {@code prog}, its TARGETS
     * in {@code t}): each key's expression; a programme has no end reason and no status of its own.
     */
    private static final Map<String, String> PROGRAMME = ordered(
            "id", "run.id + '~' + t.id", "kind", "'PROGRAMME'", "since", "toString(prog.year)", "until", "null",
            "scheme", "null", "sources", "t.sources + run.sources", "quotes", "t.quotes + run.quotes",
            "impliedFlags", "t.impliedFlags + run.impliedFlags", "through", "prog",
            "quantities", "[run.quantities, t.quantities]", "facts", "[run.facts, t.facts]");

    private PartnershipRow() {
    }

    /**
     * The row keys {@code selection} (fields of {@code Partnership}) reads, in {@link #ALL_KEYS}' order (an
     * ordered set: the statement text, and so Neo4j's plan cache, must not depend on the selection's order);
     * all of them when it selects a field this table does not know (a field added to the type later is then
     * still served, only not trimmed).
     */
    static Set<String> of(List<SelectedField> selection) {
        Set<String> read = new LinkedHashSet<>(List.of("id", "kind"));
        for (SelectedField field : selection) {
            List<String> keys = KEYS.get(field.getName());
            if (keys == null) {
                return ALL_KEYS;
            }
            read.addAll(keys);
        }
        return ALL_KEYS.stream().filter(read::contains).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** {@link #of} as a map projection's items ({@code .id, .kind, .since}). */
    static String keys(List<SelectedField> selection) {
        return projection(of(selection));
    }

    static String projection(Set<String> keys) {
        return keys.stream().map(key -> "." + key).collect(Collectors.joining(", "));
    }

    /**
     * The row of the stated partnership in {@code r} with {@code keys} (and those always written), its ends
     * given as expressions; {@code through} is the expression of the node it names (see {@link #through}).
     */
    public static String stated(Set<String> keys, String supporter, String supported, String through) {
        return row(STATED, keys, supporter, supported, through);
    }

    /** The row of the programme support in {@code run}, {@code prog} and {@code t} with {@code keys}. */
    static String programme(Set<String> keys, String supporter, String supported) {
        return row(PROGRAMME, keys, supporter, supported, null);
    }

    /**
     * The line a stated branch needs before its row, binding {@code through} to the programme or agreement the
     * relationship names; empty when the row does not carry it (the lookup is then not made at all).
     */
    static String through(Set<String> keys) {
        return keys.contains("through") ? "  OPTIONAL MATCH (through:Entity {id: r.programme})\n" : "";
    }

    private static String row(Map<String, String> expressions, Set<String> keys, String supporter, String supported,
            String through) {
        StringBuilder row = new StringBuilder("{");
        expressions.forEach((key, expression) -> {
            if (ALWAYS.contains(key) || keys.contains(key)) {
                row.append(key).append(": ").append(key.equals("through") && through != null ? through : expression)
                        .append(", ");
            }
        });
        return row.append("supporter: ").append(supporter).append(", supported: ").append(supported).append('}').toString();
    }

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    /** The field names this table knows: a test holds them equal to the schema's Partnership fields. */
    static Set<String> knownFields() {
        return KEYS.keySet();
    }
}
