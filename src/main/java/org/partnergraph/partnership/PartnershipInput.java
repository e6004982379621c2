package org.partnergraph.partnership;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;
import org.partnergraph.change.SourceInput;
import org.partnergraph.fact.FactInput;
import org.partnergraph.fact.QuantityInput;
import org.partnergraph.timeline.CooperationStatus;

/** A class rather than a record: see ProgrammeFilter (smallrye-graphql#753). */
@Input("PartnershipInput")
@Description("A partnership to record: who supports whom, how, since when, and which document says so.")
public class PartnershipInput {

    @NonNull
    @Description("PAIRED_WITH (organisation → organisation), SUPPORTS (organisation → department, organisation or "
            + "region) or CO_BUILDS (organisation, department or major on both ends). PROGRAMME partnerships come from "
            + "programmes (upsertProgramme), not from here.")
    public PartnershipKind kind;

    @Id
    @NonNull
    @Description("Who gives the support.")
    public String supporterId;

    @Id
    @NonNull
    @Description("Who receives it. An active partnership of the same kind between the same two is refused.")
    public String supportedId;

    @Description("Since when: YYYY, YYYY-MM or YYYY-MM-DD.")
    public String since;

    @Description("Until when, if it already has an end; not before since.")
    public String until;

    @Description("The scheme it belongs to, in the documents' words (e.g. 以校包系), at most 200 characters.")
    public String scheme;

    @Id
    @Description("The programme or agreement it runs through or under.")
    public String programmeId;

    @Description("The document that says so (required).")
    public SourceInput source;

    @Description("Where it stands, as a document states it; leave out when no document says. Needs statusSource. "
            + "ENDED needs until (and is not dated before it); with until, only ENDED may be dated after it.")
    public CooperationStatus status;

    @Description("The date the status is stated for: YYYY, YYYY-MM or YYYY-MM-DD (a real date). Needs status and "
            + "statusSource.")
    public String statusDate;

    @Description("The document and quote that state the status (required with status).")
    public SourceInput statusSource;

    @Description("Numbers the document states about it, each with its quote (see QuantityInput); given, they replace the "
            + "ones it has.")
    public List<@NonNull QuantityInput> quantities;

    @Description("Facts the document states about it in words (what was done, fields, subjects, role …), each with its "
            + "quote (see FactInput); given, they replace the ones it has. Numbers go in quantities.")
    public List<@NonNull FactInput> facts;
}
