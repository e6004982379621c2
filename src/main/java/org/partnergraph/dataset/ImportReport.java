package org.partnergraph.dataset;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.partnergraph.change.Change;

@Type("ImportReport")
@Description("What an accepted bundle contains and whether it was written.")
public record ImportReport(
        @NonNull @Description("The bundle's id.") String bundle,
        @NonNull @Description("Source documents in the bundle.") int documents,
        @NonNull @Description("Nodes in the bundle (organisations, regions, programmes …).") int nodes,
        @NonNull @Description("Relationships in the bundle, including those derived from fields.") int relationships,
        @NonNull @Description("True when this was a dry run: validated, nothing written.") boolean dryRun,
        @NonNull @Description("True when the bundle was already imported with the same content (or the same "
                + "idempotency key), so nothing changed.") boolean unchanged,
        @Description("The change that imported it (its status says whether the graph has it yet); null for dry runs.") Change change) {

    static ImportReport of(Bundle bundle, boolean dryRun, boolean unchanged, Change change) {
        return new ImportReport(bundle.id(), bundle.documents().size(), bundle.nodeCount(), bundle.relationshipCount(),
                dryRun, unchanged, change);
    }
}
