package org.partnergraph.timeline;

import java.util.List;
import java.util.function.Function;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.neo4j.driver.Value;
import org.partnergraph.document.Citation;
import org.partnergraph.document.Provenance;
import org.partnergraph.node.Node;
import org.partnergraph.partnership.Partnership;

@Type("TimelineEntry")
@Description("Something dated in the documents: an event, a programme or plan, an agreement, or a stated status.")
public record TimelineEntry(
        @NonNull @Description("Stable id of the entry: the node's id; for a status, status~ and the id of the agreement "
                + "or partnership whose status it is, and for its statements after the first recorded ~ and their "
                + "number in the order recorded (status~rel-x~1).") String id,
        @NonNull @Description("What it is.") TimelineEntryKind kind,
        @NonNull @Description("When (YYYY, YYYY-MM or YYYY-MM-DD), as precise as the document.") String date,
        @Description("When it ends, for what spans a period; null otherwise or when not stated.") String endDate,
        @NonNull @Description("How precise date is.") DatePrecision precision,
        @Description(DateQualifier.DATE_QUALIFIER + " Null for agreements and statuses.") String dateQualifier,
        @NonNull @Description(DateQualifier.DATE_APPROXIMATE) boolean dateApproximate,
        @Description(DateQualifier.END_DATE_QUALIFIER) String endDateQualifier,
        @NonNull @Description(DateQualifier.END_DATE_APPROXIMATE) boolean endDateApproximate,
        @Description("Planned, under way or done when its document was written; null where the document does not say "
                + "(and for agreements and statuses).") Progress progress,
        @Description("For a status entry, the status stated on that date; null otherwise.") CooperationStatus status,
        @Description("The event, programme or agreement; null for a partnership's status.") Node node,
        @Description("For a partnership's status, the partnership; null otherwise.") Partnership partnership,
        @NonNull @Description("The documents and quotes it rests on: for a status, those that state the status.")
        List<@NonNull Citation> citations,
        @Ignore String key) {

    /** Maps a row of TimelineRepository's statement; the caller reads the node and partnership projections. */
    static TimelineEntry from(Value row, Function<Value, Node> node, Function<Value, Partnership> partnership) {
        String date = row.get("date").asString();
        Provenance provenance = new Provenance(row.get("sources").asList(Value::asString, List.of()),
                row.get("quotes").asList(Value::asString, List.of()),
                row.get("flags").asList(Value::asBoolean, List.of()));
        return new TimelineEntry(row.get("id").asString(), TimelineEntryKind.valueOf(row.get("kind").asString()), date,
                row.get("endDate").asString(null), DatePrecision.of(date),
                row.get("dateQualifier").asString(null), DateQualifier.approximate(row.get("dateQualifier").asString(null)),
                row.get("endDateQualifier").asString(null),
                DateQualifier.approximate(row.get("endDateQualifier").asString(null)),
                row.get("progress").isNull() ? null : Progress.valueOf(row.get("progress").asString()),
                row.get("status").isNull() ? null : CooperationStatus.valueOf(row.get("status").asString()),
                node.apply(row.get("node")),
                row.get("partnership").isNull() ? null : partnership.apply(row.get("partnership")),
                row.get("citations").isNull() ? provenance.citations()
                        : StatusStatement.citations(row.get("citations").asString()),
                row.get("key").asString());
    }
}
