package org.partnergraph.agreement;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;
import org.partnergraph.change.SourceInput;
import org.partnergraph.timeline.CooperationStatus;

/** A class rather than a record: see ProgrammeFilter (smallrye-graphql#753). */
@Input("SetAgreementStatusInput")
@Description("A status a document states for an agreement on a date: added to its statusHistory.")
public class SetAgreementStatusInput {

    @Id
    @NonNull
    @Description("The agreement.")
    public String agreementId;

    @NonNull
    @Description("The status the document states.")
    public CooperationStatus status;

    @NonNull
    @Description("The date it is stated for: YYYY, YYYY-MM or YYYY-MM-DD (a real date); for a document's 目前 "
            + "(currently), the document's own date.")
    public String statusDate;

    @NonNull
    @Description("The document and quote that state it.")
    public SourceInput source;
}
