package org.partnergraph.partnership;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.partnergraph.change.Change;

@Type("PartnershipPayload")
@Description("The result of createPartnership, endPartnership or setPartnershipStatus.")
public record PartnershipPayload(
        @NonNull @Description("The change that recorded the write; APPLIED, or PENDING while the graph catches up.") Change change,
        @Description("The partnership as the graph has it now; null while the change is PENDING, or when the graph could not be read back just now (the change says whether it is written).") Partnership partnership) {
}
