package org.partnergraph.event;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Type;
import org.neo4j.driver.Value;
import org.partnergraph.document.Provenance;
import org.partnergraph.document.Sourced;
import org.partnergraph.fact.Fact;
import org.partnergraph.fact.Quantity;
import org.partnergraph.fact.StatedFacts;
import org.partnergraph.node.Node;
import org.partnergraph.timeline.DatePrecision;
import org.partnergraph.timeline.DateQualifier;
import org.partnergraph.timeline.Progress;

@Type("Event")
@Description("Something that happened on a date: a visit, a training, a competition, an award, a meeting.")
public record Event(
        @Id @NonNull @Description("Stable business id.") String id,
        @NonNull @Description("What happened.") String name,
        @NonNull @Description("What sort of event.") EventKind kind,
        @NonNull @Description("When (YYYY, YYYY-MM or YYYY-MM-DD), as precise as the document.") String date,
        @Description("Last day, for events that span a period.") String endDate,
        @Description("Number of people taking part, as stated.") Integer participants,
        @NonNull @Description("How precise date is.") DatePrecision datePrecision,
        @Description(DateQualifier.DATE_QUALIFIER) String dateQualifier,
        @NonNull @Description(DateQualifier.DATE_APPROXIMATE) boolean dateApproximate,
        @Description(DateQualifier.END_DATE_QUALIFIER) String endDateQualifier,
        @NonNull @Description(DateQualifier.END_DATE_APPROXIMATE) boolean endDateApproximate,
        @Description("Planned, under way or done when its document was written; null where the document does not say.")
        Progress progress,
        @NonNull @Description("Numbers its document states about it with how exact they are: a participants count the "
                + "document qualifies (80余人, 约60余名) is here as approximate with its qualifier and quote. Empty where "
                + "the document qualifies none.") List<@NonNull Quantity> quantities,
        @NonNull @Description(Node.FACTS) List<@NonNull Fact> facts,
        @Ignore Provenance provenance) implements Node, Sourced {

    public static Event from(Value node) {
        return new Event(node.get("id").asString(), node.get("name").asString(),
                EventKind.valueOf(node.get("kind").asString()), node.get("date").asString(),
                node.get("endDate").asString(null),
                node.get("participants").isNull() ? null : node.get("participants").asInt(),
                DatePrecision.of(node.get("date").asString()),
                node.get("dateQualifier").asString(null),
                DateQualifier.approximate(node.get("dateQualifier").asString(null)),
                node.get("endDateQualifier").asString(null),
                DateQualifier.approximate(node.get("endDateQualifier").asString(null)),
                node.get("progress").isNull() ? null : Progress.valueOf(node.get("progress").asString()),
                StatedFacts.quantities(node),
                StatedFacts.facts(node), Provenance.from(node));
    }

    @Override
    @Query("label")
    @NonNull
    @Description(Node.LABEL)
    public String label() {
        return name;
    }

    @Override
    @Query("type")
    @NonNull
    @Description(Node.TYPE)
    public String type() {
        return "Event";
    }

    @Override
    @Query("subtype")
    @Description(Node.SUBTYPE)
    public String subtype() {
        return kind.name();
    }
}
