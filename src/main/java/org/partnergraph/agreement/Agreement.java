package org.partnergraph.agreement;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Type;
import org.neo4j.driver.Value;
import org.partnergraph.document.Citation;
import org.partnergraph.document.Provenance;
import org.partnergraph.document.Sourced;
import org.partnergraph.fact.Fact;
import org.partnergraph.fact.StatedFacts;
import org.partnergraph.node.Node;
import org.partnergraph.timeline.CooperationStatus;
import org.partnergraph.timeline.DatePrecision;
import org.partnergraph.timeline.StatusStatement;

@Type("Agreement")
@Description("An agreement, memorandum or action plan between parties (PARTY_TO).")
public record Agreement(
        @Id @NonNull @Description("Stable business id.") String id,
        @NonNull @Description("Name as the documents give it.") String name,
        @NonNull @Description("What sort of agreement.") AgreementKind kind,
        @Description("Date signed or issued (YYYY, YYYY-MM or YYYY-MM-DD), where stated.") String date,
        @Description("Period it covers, e.g. 2018-2020.") String period,
        @Description("How precise date is; null without a date.") DatePrecision datePrecision,
        @Description("Where it stands (proposed, being coordinated, in force, ended) as a document states it; null "
                + "where no document says.") CooperationStatus status,
        @Description("The date the status is stated for (YYYY, YYYY-MM or YYYY-MM-DD), as precise as the document; "
                + "for a document's 目前 (currently), the document's own date. Null when not stated.") String statusDate,
        @Description("How precise statusDate is; null without one.") DatePrecision statusDatePrecision,
        @NonNull @Description("The documents and quotes that state the status; empty without one.")
        List<@NonNull Citation> statusCitations,
        @NonNull @Description(Node.FACTS) List<@NonNull Fact> facts,
        @NonNull @Description("Every status a document states for it, each with its date and citations, in date order: "
                + "by the first day each date can mean (a year before a month before a day that start on the same "
                + "day), then in the order recorded; undated statements last. status, statusDate and statusCitations "
                + "are " + StatusStatement.LATEST + ". Empty where no document states a status.")
        List<@NonNull StatusStatement> statusHistory,
        @Ignore Provenance provenance) implements Node, Sourced {

    public static Agreement from(Value node) {
        StatusStatement status = StatusStatement.from(node);
        String date = node.get("date").asString(null);
        return new Agreement(node.get("id").asString(), node.get("name").asString(),
                AgreementKind.valueOf(node.get("kind").asString()), date, node.get("period").asString(null),
                DatePrecision.of(date), status.status(), status.date(), DatePrecision.of(status.date()),
                status.citations(), StatedFacts.facts(node), StatusStatement.history(node), Provenance.from(node));
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
        return "Agreement";
    }

    @Override
    @Query("subtype")
    @Description(Node.SUBTYPE)
    public String subtype() {
        return kind.name();
    }
}
