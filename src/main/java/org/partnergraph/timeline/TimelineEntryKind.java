package org.partnergraph.timeline;

import org.eclipse.microprofile.graphql.Description;

@Description("What a timeline entry is.")
public enum TimelineEntryKind {
    @Description("An event (node: the Event), dated by its date and endDate.")
    EVENT,
    @Description("A programme, plan or task (node: the Programme), dated by its date, else its year.")
    PROGRAMME,
    @Description("An agreement, memorandum or action plan signed or issued on its date (node: the Agreement).")
    AGREEMENT,
    @Description("A statement of an agreement's status (one of its statusHistory) on its date (node: the Agreement).")
    AGREEMENT_STATUS,
    @Description("A statement of a partnership's status (one of its statusHistory) on its date (partnership: the Partnership).")
    PARTNERSHIP_STATUS
}
