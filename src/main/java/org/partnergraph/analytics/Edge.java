package org.partnergraph.analytics;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.neo4j.driver.Value;
import org.partnergraph.document.Provenance;
import org.partnergraph.document.Sourced;
import org.partnergraph.fact.Award;
import org.partnergraph.fact.Fact;
import org.partnergraph.fact.Quantity;
import org.partnergraph.fact.StatedFacts;

@Type("Edge")
@Description("A relationship between two nodes, for drawing: its type, the ids at both ends, and, where the "
        + "relationship has them, since when, until when, its scheme and the documents that state it. Structural "
        + "links (LOCATED_IN, HAS_DEPARTMENT …) have no dates and no sources of their own.")
public record Edge(
        @Id @NonNull @Description("Stable id of the relationship; for a partnership, the partnership's id.") String id,
        @NonNull @Description("Relationship type, e.g. PAIRED_WITH, MEMBER_OF, LOCATED_IN.") String type,
        @Id @NonNull @Description("Id of the start node.") String from,
        @Id @NonNull @Description("Id of the end node.") String to,
        @Description("Since when (YYYY, YYYY-MM or YYYY-MM-DD), where the documents say.") String since,
        @Description("Until when; null while it lasts or when the documents do not say.") String until,
        @Description("The scheme it belongs to, in the documents' words, e.g. 以校包系.") String scheme,
        @NonNull @Description("True when every document only implies this relationship rather than stating it.") boolean implied,
        @NonNull @Description("Numbers the documents state about this relationship (courses co-built, lectures given, "
                + "students sent …), each with its quote; empty where no document gives a number.")
        List<@NonNull Quantity> quantities,
        @NonNull @Description("Prizes won, on a PARTICIPATED_IN of an awardee at a contest; empty otherwise.")
        List<@NonNull Award> awards,
        @NonNull @Description("Facts the documents state about this relationship in words (what is done, fields, "
                + "subjects, role, outcome), each with its quote; empty where none is stated. Numbers are in quantities.")
        List<@NonNull Fact> facts,
        @Ignore Provenance provenance) implements Sourced {

    /** What an edge carries besides its ends: an explicit list, never the relationship's every property. */
    public static final String PROPERTIES = ".since, .until, .scheme, .sources, .quotes, .impliedFlags, .quantities, .awards, .facts";

    /**
     * The map projection of relationship {@code r} that {@link #from} reads: its id, type, the ids at both
     * ends and {@link #PROPERTIES}.
     */
    public static String projection(String r) {
        return r + " {.id, type: type(" + r + "), from: startNode(" + r + ").id, to: endNode(" + r + ").id, " + PROPERTIES + "}";
    }

    /** Maps the map the analytics queries return for a relationship ({@code from}, {@code to} and its properties). */
    public static Edge from(Value row) {
        Provenance provenance = Provenance.from(row);
        return new Edge(row.get("id").asString(), row.get("type").asString(), row.get("from").asString(),
                row.get("to").asString(), row.get("since").asString(null), row.get("until").asString(null),
                row.get("scheme").asString(null), provenance.implied(), StatedFacts.quantities(row),
                StatedFacts.awards(row, row.get("from").asString(), row.get("to").asString()), StatedFacts.facts(row),
                provenance);
    }
}
