package org.partnergraph.change;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;
import org.partnergraph.common.CodedErrors;
import org.partnergraph.document.Document;
import org.partnergraph.document.DocumentService;

@GraphQLApi
@CodedErrors
public class ChangeApi {

    private final ChangeService changes;
    private final DocumentService documents;

    ChangeApi(ChangeService changes, DocumentService documents) {
        this.changes = changes;
        this.documents = documents;
    }

    @Query("changes")
    @NonNull
    @Description("The change log, newest first: who changed what and when, from which document. With nodeId, only the "
            + "changes that touched that node or relationship (a partnership's id works too). Role analyst.")
    public ChangeConnection changes(
            @Id @Description("Only changes to this node or relationship; omit for the whole log. Unknown ids answer NOT_FOUND.") String nodeId,
            @Description("Page size; default 20, at most 100.") Integer first,
            @Description("Cursor of the change to continue after (pageInfo.endCursor).") String after) {
        return changes.history(nodeId, first, after);
    }

    @Query("change")
    @Description("One change by id (as returned by a mutation), e.g. to see a PENDING change become APPLIED; null "
            + "when there is no such change. Role analyst.")
    public Change change(@Id @NonNull @Description("The change's id.") String id) {
        return changes.byId(id).orElse(null);
    }

    @Mutation("rebuildGraph")
    @NonNull
    @Description("Empties the graph and rebuilds it from the change log alone. Reads during the rebuild see a partial "
            + "graph: run it in a maintenance window. The run goes on after the answer if it takes longer than "
            + "waitSeconds (status RUNNING: follow it with graphRun(id)); while a run goes on, this answers that run. "
            + "Role admin.")
    public GraphRun rebuildGraph(
            @DefaultValue(GraphRuns.DEFAULT_WAIT_SECONDS) @Description("How long to wait for the run to end before answering, 0 to 60 seconds.") Integer waitSeconds) {
        return changes.rebuild(waitSeconds);
    }

    @Mutation("replayChanges")
    @NonNull
    @Description("Applies changes again, in order: every change after `after`, or, without it, whatever the graph does "
            + "not have yet (e.g. after restoring a Neo4j backup). Idempotent. Answers like rebuildGraph (RUNNING when "
            + "it takes longer than waitSeconds). Role admin.")
    public GraphRun replayChanges(
            @Id @Description("Re-apply the changes after this one (0 for all); omit to apply only what the graph lacks.") String after,
            @DefaultValue(GraphRuns.DEFAULT_WAIT_SECONDS) @Description("How long to wait for the run to end before answering, 0 to 60 seconds.") Integer waitSeconds) {
        return changes.replay(after, waitSeconds);
    }

    @Query("graphRun")
    @Description("A run of rebuildGraph or replayChanges, as it stands: RUNNING with its progress, or how it ended. "
            + "Any replica answers. Null when there is no run with this id. Role admin.")
    public GraphRun graphRun(@Id @NonNull @Description("The run's id, as rebuildGraph or replayChanges answered it.") String id) {
        return changes.run(id);
    }

    @Description("The source document the change cites, if any.")
    public List<Document> document(@Source List<Change> items) {
        Map<String, Document> byId = documents.byIds(items.stream().map(Change::documentId)
                .filter(id -> id != null).collect(Collectors.toSet()));
        return items.stream().map(c -> c.documentId() == null ? null : byId.get(c.documentId())).toList();
    }
}
