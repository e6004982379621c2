package org.partnergraph.change;

import java.time.Instant;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("GraphRun")
@Description("A run of rebuildGraph or replayChanges. The mutation answers once the run has ended or after waitSeconds, "
        + "whichever comes first; a run still going on answers RUNNING, and graphRun(id) tells how it goes and how it "
        + "ended, on any replica. While it runs, and if it did not finish, the figures are the graph's as it stands.")
public record GraphRun(
        @Id @NonNull @Description("The run's id, for graphRun(id).") String id,
        @NonNull @Description("Rebuild or replay.") Kind kind,
        @NonNull @Description("Whether it goes on, ended, failed or was cut short.") Status status,
        @NonNull @Description("The subject of the admin who started it.") String requestedBy,
        @NonNull @Description("When it started.") Instant startedAt,
        @Description("When it ended; null while RUNNING (and for a run cut short, when that was noticed).") Instant finishedAt,
        @Description("Why it FAILED (the error as the service's log has it); null otherwise.") String error,
        @NonNull @Description("Changes applied to the graph by this run (so far, while RUNNING).") int changesApplied,
        @Id @NonNull @Description("The last change the graph now holds.") String lastChange,
        @NonNull @Description("Nodes in the graph afterwards (now, while RUNNING).") long nodes,
        @NonNull @Description("Relationships in the graph afterwards (now, while RUNNING).") long relationships,
        @NonNull @Description("How long the run took, in milliseconds (so far, while RUNNING).") long tookMillis) {

    @Enum("GraphRunKind")
    @Description("What a graph run does.")
    public enum Kind {
        @Description("rebuildGraph: empties the graph and applies the whole change log again.")
        REBUILD,
        @Description("replayChanges: applies changes again after a point of the log.")
        REPLAY
    }

    @Enum("GraphRunStatus")
    @Description("Where a graph run is.")
    public enum Status {
        @Description("Going on; ask graphRun(id) again. At most one run goes on at a time.")
        RUNNING,
        @Description("Ended; the figures are what it did.")
        DONE,
        @Description("Ended with an error (see error); the graph is as far as the run got. Start another run.")
        FAILED,
        @Description("Cut short: the replica running it stopped (a restart, a crash) before it ended. The graph is as "
                + "far as the run got; a rebuild cut short completes its derived data at the next drain. Start another run.")
        INTERRUPTED
    }
}
