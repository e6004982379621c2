package org.partnergraph.event;

import org.eclipse.microprofile.graphql.Description;

@Description("How an organisation took part in an event or programme.")
public enum ParticipationRole {
    @Description("Organised it.")
    ORGANISER,
    @Description("Took part.")
    PARTICIPANT,
    @Description("Hosted it.")
    HOST,
    @Description("Won an award in it.")
    AWARDEE,
    @Description("Judged it.")
    JUDGE
}
