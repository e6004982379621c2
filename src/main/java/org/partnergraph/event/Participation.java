package org.partnergraph.event;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.neo4j.driver.Value;
import org.partnergraph.fact.Award;
import org.partnergraph.fact.Fact;
import org.partnergraph.fact.Quantity;
import org.partnergraph.fact.StatedFacts;
import org.partnergraph.organization.Organization;

@Type("Participation")
@Description("An organisation's part in an event (PARTICIPATED_IN). An organisation that took part in two roles, "
        + "e.g. as PARTICIPANT and as JUDGE, has two participations.")
public record Participation(
        @NonNull @Description("The organisation that took part.") Organization organization,
        @Description("Its role; null when the document does not say.") ParticipationRole role,
        @NonNull @Description("Numbers the documents state about its part (e.g. 2 teachers, 2 students), each with its "
                + "quote; empty where no document gives a number.") List<@NonNull Quantity> quantities,
        @NonNull @Description("The prizes its people won there, by level (for an AWARDEE), each with its quote; empty "
                + "where no document states one.") List<@NonNull Award> awards,
        @NonNull @Description("Facts the documents state about its part in words (its role, what it did, the outcome), "
                + "each with its quote; empty where none is stated. Numbers are in quantities.") List<@NonNull Fact> facts) {

    /** A participation of {@code eventId}: the organisation, and the relationship's role and stated facts as stored. */
    static Participation from(String eventId, Organization organization, Value role, Value quantities, Value awards,
            Value facts) {
        return new Participation(organization, role.isNull() ? null : ParticipationRole.valueOf(role.asString()),
                StatedFacts.storedQuantities(quantities), StatedFacts.storedAwards(awards, organization.id(), eventId),
                StatedFacts.storedFacts(facts));
    }
}
