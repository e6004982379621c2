package org.partnergraph.programme;

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

@Type("Programme")
@Description("A programme: a training project, an exchange, a placement scheme, an enrolment drive, or a work "
        + "task of the 2018 task table. Rows of a table are parts of the table's programme.")
public record Programme(
        @Id @NonNull @Description("Stable business id, e.g. prog-2018-training-01.") String id,
        @NonNull @Description("Name as the document gives it.") String name,
        @NonNull @Description("What the programme is for.") ProgrammeCategory category,
        @NonNull @Description("How it is delivered.") ProgrammeMode mode,
        @Description("The document's own words for the mode, e.g. 来沪进修.") String modeLabel,
        @Description("Year it runs in.") Integer year,
        @Description("Funding in 万元 (10,000 CNY) from the Shanghai side, as stated.") Double fundingWan,
        @Description("Funding raised by the partner region itself (自筹), in 万元.") Double selfFundedWan,
        @Description("Total the document states for a table or group of programmes (合计), in 万元; "
                + "the parts' fundingWan add up to it.") Double statedTotalFundingWan,
        @Description("Number of participants (培训人数), as stated.") Integer participants,
        @Description("Duration as the document gives it, e.g. 3个月, 5-7天.") String duration,
        @Description("Row number (序号) in the document's table.") Integer sequence,
        @Description("When it runs or ran (YYYY, YYYY-MM or YYYY-MM-DD), as precise as the document; null when the "
                + "document gives no date finer than year.") String date,
        @Description("When it ends or is expected to end, where the document says.") String endDate,
        @Description("How precise date is; null without a date.") DatePrecision datePrecision,
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

    public static Programme from(Value node) {
        return new Programme(
                node.get("id").asString(),
                node.get("name").asString(),
                ProgrammeCategory.valueOf(node.get("category").asString()),
                ProgrammeMode.valueOf(node.get("mode").asString()),
                node.get("modeLabel").asString(null),
                node.get("year").isNull() ? null : node.get("year").asInt(),
                node.get("fundingWan").isNull() ? null : node.get("fundingWan").asDouble(),
                node.get("selfFundedWan").isNull() ? null : node.get("selfFundedWan").asDouble(),
                node.get("statedTotalFundingWan").isNull() ? null : node.get("statedTotalFundingWan").asDouble(),
                node.get("participants").isNull() ? null : node.get("participants").asInt(),
                node.get("duration").asString(null),
                node.get("sequence").isNull() ? null : node.get("sequence").asInt(),
                node.get("date").asString(null),
                node.get("endDate").asString(null),
                DatePrecision.of(node.get("date").asString(null)),
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
        return "Programme";
    }

    @Override
    @Query("subtype")
    @Description(Node.SUBTYPE)
    public String subtype() {
        return category.name();
    }
}
