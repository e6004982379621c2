package org.partnergraph.event;

import org.eclipse.microprofile.graphql.Description;

@Description("What sort of event.")
public enum EventKind {
    @Description("A visit or inspection (考察, 调研, 走访).")
    VISIT,
    @Description("A training session or workshop.")
    TRAINING,
    @Description("A skills competition (技能大赛).")
    COMPETITION,
    @Description("An award won.")
    AWARD,
    @Description("A meeting or conference (会议).")
    MEETING,
    @Description("A lecture (讲座).")
    LECTURE,
    @Description("A donation (赠送).")
    DONATION,
    @Description("A study tour (研学, 家乡行).")
    STUDY_TOUR,
    @Description("Anything else.")
    OTHER
}
