package org.partnergraph.timeline;

import org.eclipse.microprofile.graphql.Description;

@Description("Whether a programme or an event was planned, under way or done when its document was written. "
        + "Null where the document does not say.")
public enum Progress {
    @Description("Planned or expected (将于, 计划, 任务): not yet started when the document was written.")
    PLANNED,
    @Description("Started and not finished (在推进中, 正在).")
    UNDER_WAY,
    @Description("Done: it took place (召开, 开展了, 结业).")
    DONE
}
