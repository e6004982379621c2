package org.partnergraph.link;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Type;
import org.partnergraph.analytics.Edge;
import org.partnergraph.document.Citation;
import org.partnergraph.document.Provenance;
import org.partnergraph.document.Sourced;
import org.partnergraph.fact.Award;
import org.partnergraph.fact.Fact;
import org.partnergraph.fact.Quantity;
import org.partnergraph.node.Node;

@Type("Link")
@Description("One relationship of a node, seen from that node: its type, which way it points, the node at the "
        + "other end, and what the documents say about it (citations, implied, dates, numbers, awards, facts). Links that "
        + "come from a node's own fields (LOCATED_IN, HAS_DEPARTMENT …) have no sources of their own.")
public record Link(
        @Id @NonNull @Description("Stable id of the relationship; for a partnership, the partnership's id.") String id,
        @NonNull @Description("Relationship type, e.g. MEMBER_OF, SECRETARIAT_OF, RESPONSIBLE_FOR, PAIRED_WITH.") String type,
        @NonNull @Description("OUT when the node whose links these are is the relationship's start, IN when it is its end.")
        LinkDirection direction,
        @NonNull @Description("The node at the other end, with any of its fields.") Node node,
        @Ignore Edge edge) implements Sourced {

    static Link of(Edge edge, boolean out, Node node) {
        return new Link(edge.id(), edge.type(), out ? LinkDirection.OUT : LinkDirection.IN, node, edge);
    }

    @Query("implied")
    @NonNull
    @Description("True when every document only implies this relationship rather than stating it.")
    public boolean implied() {
        return edge.implied();
    }

    @Query("since")
    @Description("Since when (YYYY, YYYY-MM or YYYY-MM-DD), where the documents say.")
    public String since() {
        return edge.since();
    }

    @Query("until")
    @Description("Until when; null while it lasts or when the documents do not say.")
    public String until() {
        return edge.until();
    }

    @Query("scheme")
    @Description("The scheme it belongs to, in the documents' words, e.g. 以校包系.")
    public String scheme() {
        return edge.scheme();
    }

    @Query("quantities")
    @NonNull
    @Description("Numbers the documents state about this relationship, each with its quote; empty where none is given.")
    public List<@NonNull Quantity> quantities() {
        return edge.quantities();
    }

    @Query("awards")
    @NonNull
    @Description("Prizes won, on a PARTICIPATED_IN of an awardee at a contest; empty otherwise.")
    public List<@NonNull Award> awards() {
        return edge.awards();
    }

    @Query("facts")
    @NonNull
    @Description("Facts the documents state about this relationship in words (what is done, fields, subjects, role, "
            + "outcome), each with its quote; empty where none is stated. Numbers are in quantities.")
    public List<@NonNull Fact> facts() {
        return edge.facts();
    }

    @Query("citations")
    @NonNull
    @Description("Each statement of this relationship: the document and its verbatim quote; empty for links that "
            + "come from a node's fields.")
    public List<@NonNull Citation> citations() {
        return edge.provenance().citations();
    }

    @Override
    public Provenance provenance() {
        return edge.provenance();
    }
}
