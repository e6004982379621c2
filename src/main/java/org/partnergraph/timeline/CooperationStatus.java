package org.partnergraph.timeline;

import org.eclipse.microprofile.graphql.Description;

@Description("Where a partnership or an agreement stands, as a document states it on a date. Null where no "
        + "document says: never guessed.")
public enum CooperationStatus {
    @Description("Proposed or asked for (提案, 建议, 请求), not yet taken up.")
    PROPOSED,
    @Description("Being arranged between the parties (对接中, 协调中): not yet in force.")
    IN_COORDINATION,
    @Description("In force: signed (签订, 签署) or being carried out (按照…要求, 落实).")
    ACTIVE,
    @Description("Ended, expired or concluded.")
    ENDED
}
