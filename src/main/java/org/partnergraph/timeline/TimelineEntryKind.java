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
    @Description("A stated status of an agreement on its statusDate (node: the Agreement).")
    AGREEMENT_STATUS,
    @Description("A stated status of a partnership on its statusDate (partnership: the Partnership).")
    PARTNERSHIP_STATUS
}
