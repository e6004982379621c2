package org.partnergraph.partnership;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;
import org.partnergraph.change.SourceInput;

/** A class rather than a record: see ProgrammeFilter (smallrye-graphql#753). */
@Input("EndPartnershipInput")
@Description("Ends a partnership. It stays in the graph as history, with its end date and reason.")
public class EndPartnershipInput {

    @Id
    @NonNull
    @Description("The partnership (PAIRED_WITH, SUPPORTS or CO_BUILDS) to end.")
    public String id;

    @NonNull
    @Description("When it ended: YYYY, YYYY-MM or YYYY-MM-DD, not before its since.")
    public String until;

    @NonNull
    @Description("Why it ended, at most 200 characters.")
    public String reason;

    @Description("The document that says so; added to its sources.")
    public SourceInput source;
}
