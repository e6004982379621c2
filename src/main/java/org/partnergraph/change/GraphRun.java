package org.partnergraph.change;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("GraphRun")
@Description("What rebuildGraph or replayChanges did.")
public record GraphRun(
        @NonNull @Description("Changes applied to the graph by this run.") int changesApplied,
        @Id @NonNull @Description("The last change the graph now holds.") String lastChange,
        @NonNull @Description("Nodes in the graph afterwards.") long nodes,
        @NonNull @Description("Relationships in the graph afterwards.") long relationships,
        @NonNull @Description("How long the run took, in milliseconds.") long tookMillis) {

    static GraphRun of(Projector.Run run) {
        return new GraphRun(run.changesApplied(), String.valueOf(run.lastChange()), run.nodes(), run.relationships(),
                run.tookMillis());
    }
}
