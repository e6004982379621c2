package org.partnergraph.agreement;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Source;
import org.partnergraph.common.CodedErrors;
import org.partnergraph.document.Citation;
import org.partnergraph.document.Document;
import org.partnergraph.node.Node;
import org.partnergraph.organization.Organization;
import org.partnergraph.programme.Programme;

/** The fields of Agreement; every field resolves for all agreements of a level at once. */
@GraphQLApi
@CodedErrors
public class AgreementApi {

    private final AgreementService agreements;
    private final AgreementWrites writes;

    AgreementApi(AgreementService agreements, AgreementWrites writes) {
        this.agreements = agreements;
        this.writes = writes;
    }

    @Mutation("setAgreementStatus")
    @NonNull
    @Description("Records a status a document states for an agreement on a date: one more statement in its "
            + "statusHistory, which stays (nothing stated before is overwritten); status becomes the latest dated "
            + "statement, so an earlier date takes its place in the history and leaves status as it was. Refused, "
            + "nothing written: an unknown agreement (NOT_FOUND); a date that is not a real YYYY, YYYY-MM or "
            + "YYYY-MM-DD, an unknown document or a blank quote, the same status on the same date from the same "
            + "document again (BAD_USER_INPUT naming the field; retry with the same idempotencyKey to get the first "
            + "answer). Role editor.")
    public AgreementPayload setAgreementStatus(
            @NonNull @Description("Which agreement, what status, when, and which document says so.")
            SetAgreementStatusInput input,
            @Description("Makes a retried request safe: the same key with the same input answers the first request's "
                    + "change instead of writing again.") String idempotencyKey) {
        return writes.setStatus(input, idempotencyKey);
    }

    @NonNull
    @Description("Organisations that are party to the agreement (PARTY_TO), by id. For an aggregate agreement "
            + "(\"22所院校\") only the parties the document names.")
    public List<@NonNull List<@NonNull Organization>> parties(@Source List<Agreement> batch) {
        return agreements.parties(batch);
    }

    @NonNull
    @Description("Whom the agreement is for (TARGETS): regions, organisations or departments, by id.")
    public List<@NonNull List<@NonNull Node>> targets(@Source List<Agreement> batch) {
        return agreements.targets(batch);
    }

    @NonNull
    @Description("Programmes and work tasks that carry out the agreement (PART_OF into it), by year, row "
            + "number, then id.")
    public List<@NonNull List<@NonNull Programme>> programmes(@Source List<Agreement> batch) {
        return agreements.programmes(batch);
    }

    @NonNull
    @Description("The documents that state this agreement, in the order they are cited.")
    public List<@NonNull List<@NonNull Document>> sources(@Source List<Agreement> batch) {
        return agreements.sources(batch);
    }

    @NonNull
    @Description("Each statement of this agreement: the document and its verbatim quote.")
    public List<@NonNull List<@NonNull Citation>> citations(@Source List<Agreement> batch) {
        return agreements.citations(batch);
    }
}
