package org.partnergraph.partnership;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;
import org.partnergraph.change.SourceInput;
import org.partnergraph.timeline.CooperationStatus;

/** A class rather than a record: see ProgrammeFilter (smallrye-graphql#753). */
@Input("SetPartnershipStatusInput")
@Description("A status a document states for a partnership on a date: added to its statusHistory.")
public class SetPartnershipStatusInput {

    @Id
    @NonNull
    @Description("The partnership (PAIRED_WITH, SUPPORTS or CO_BUILDS).")
    public String partnershipId;

    @NonNull
    @Description("The status the document states. ENDED only for a partnership that has ended (endPartnership), "
            + "not before its until; after its until only ENDED may be stated.")
    public CooperationStatus status;

    @NonNull
    @Description("The date it is stated for: YYYY, YYYY-MM or YYYY-MM-DD (a real date); for a document's 目前 "
            + "(currently), the document's own date.")
    public String statusDate;

    @NonNull
    @Description("The document and quote that state it.")
    public SourceInput source;
}
