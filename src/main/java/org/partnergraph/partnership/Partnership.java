package org.partnergraph.partnership;

import java.util.List;
import java.util.function.Function;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.neo4j.driver.Value;
import org.partnergraph.agreement.Agreement;
import org.partnergraph.document.Citation;
import org.partnergraph.document.Provenance;
import org.partnergraph.document.Sourced;
import org.partnergraph.fact.Fact;
import org.partnergraph.fact.Quantity;
import org.partnergraph.fact.StatedFacts;
import org.partnergraph.node.Node;
import org.partnergraph.node.Nodes;
import org.partnergraph.organization.Organization;
import org.partnergraph.programme.Programme;
import org.partnergraph.timeline.CooperationStatus;
import org.partnergraph.timeline.DatePrecision;
import org.partnergraph.timeline.StatusStatement;

@Type("Partnership")
@Description("One supporter supporting one organisation, department or region: how, through which programme, "
        + "since when, and which documents say so.")
public record Partnership(
        @Id @NonNull @Description("Stable id of the fact, e.g. rel-urban-construction-supports-kashgar-civil-engineering.") String id,
        @NonNull @Description("How the supporter supports.") PartnershipKind kind,
        @NonNull @Description("Who gives the support.") Organization supporter,
        @NonNull @Description("Who receives it: an organisation, a department or a region.") Node supported,
        @Description("Since when (YYYY, YYYY-MM or YYYY-MM-DD), where the documents say.") String since,
        @Description("Until when; null while it lasts or when the documents do not say.") String until,
        @Description("Why it ended, as recorded by endPartnership; null while it lasts.") String endReason,
        @Description("The scheme it belongs to, in the documents' words, e.g. 以校包系, 沪滇协作.") String scheme,
        @Description("The programme it runs through, where known.") Programme programme,
        @Description("The agreement it runs under, where known.") Agreement agreement,
        @NonNull @Description("True when the documents only imply this support rather than state it.") boolean implied,
        @Description("Where it stands (proposed, being coordinated, in force, ended) as a document states it; null "
                + "where no document says.") CooperationStatus status,
        @Description("The date the status is stated for (YYYY, YYYY-MM or YYYY-MM-DD), as precise as the document; "
                + "for a document's 目前 (currently), the document's own date. Null when not stated.") String statusDate,
        @Description("How precise statusDate is; null without one.") DatePrecision statusDatePrecision,
        @NonNull @Description("The documents and quotes that state the status; empty without one.")
        List<@NonNull Citation> statusCitations,
        @NonNull @Description("Every status a document states for it, each with its date and citations, in date order: "
                + "by the first day each date can mean (a year before a month before a day that start on the same "
                + "day), then in the order recorded; undated statements last. status, statusDate and statusCitations "
                + "are " + StatusStatement.LATEST + ". Empty where no document states a status.")
        List<@NonNull StatusStatement> statusHistory,
        @NonNull @Description("Numbers the documents state about this support (3 courses, 3 joint teaching-research "
                + "offices, about 10 lectures), each with its quote; for a PROGRAMME partnership, those stated on the "
                + "implementer's RUNS and the programme's TARGETS link. Empty where no document gives a number.")
        List<@NonNull Quantity> quantities,
        @NonNull @Description("Facts the documents state about this support in words (what is done, in which fields or "
                + "subjects, with which role or result), each with its quote; for a PROGRAMME partnership, those stated on "
                + "the implementer's RUNS and the programme's TARGETS link. Empty where none is stated; numbers are in "
                + "quantities.")
        List<@NonNull Fact> facts,
        @Ignore Provenance provenance) implements Sourced {

    /** Maps the map that PartnershipRepository's queries return for each partnership (ends as whole nodes). */
    static Partnership from(Value row) {
        return from(row, Organization::from, end -> Nodes.fromNode(end.asNode()));
    }

    /** Maps a partnership whose ends the caller reads (the read planner's projections of them). */
    public static Partnership from(Value row, Function<Value, Organization> supporter, Function<Value, Node> supported) {
        Value through = row.get("through");
        Node via = through.isNull() ? null : Nodes.fromNode(through.asNode());
        Provenance provenance = Provenance.from(row);
        StatusStatement status = StatusStatement.from(row.get("status"));
        return new Partnership(
                row.get("id").asString(),
                PartnershipKind.valueOf(row.get("kind").asString()),
                supporter.apply(row.get("supporter")),
                supported.apply(row.get("supported")),
                row.get("since").asString(null),
                row.get("until").asString(null),
                row.get("endReason").asString(null),
                row.get("scheme").asString(null),
                via instanceof Programme p ? p : null,
                via instanceof Agreement a ? a : null,
                provenance.implied(),
                status.status(),
                status.date(),
                DatePrecision.of(status.date()),
                status.citations(),
                StatusStatement.history(row.get("status")),
                StatedFacts.quantities(row),
                StatedFacts.facts(row),
                provenance);
    }
}
