package org.partnergraph.change;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;

@Enum("ChangeStatus")
@Description("Where a change is: every accepted change is committed to the log first, then applied to the graph.")
public enum ChangeStatus {
    @Description("Accepted and safely in the log; not yet in the graph (Neo4j busy or down). The projector applies "
            + "it, in order, as soon as it can; nothing needs to be resent.")
    PENDING,
    @Description("In the log and in the graph.")
    APPLIED,
    @Description("In the log, but the graph refused it (a defect, logged with the change id); skipped so later "
            + "changes are not held up. replayChanges applies it again once fixed.")
    FAILED
}
