package org.partnergraph.event;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.partnergraph.organization.Organization;

@Type("Participation")
@Description("An organisation's part in an event (PARTICIPATED_IN). An organisation that took part in two roles, "
        + "e.g. as PARTICIPANT and as JUDGE, has two participations.")
public record Participation(
        @NonNull @Description("The organisation that took part.") Organization organization,
        @Description("Its role; null when the document does not say.") ParticipationRole role) {
}
