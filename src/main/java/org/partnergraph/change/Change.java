package org.partnergraph.change;

import java.time.Instant;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("Change")
@Description("One accepted write, as the change log records it: who, when, what, from which document, and whether "
        + "the graph has it yet.")
public record Change(
        @Id @NonNull @Description("Position in the log (1, 2, …): changes are applied in this order.") String id,
        @NonNull @Description("What the change did.") ChangeKind kind,
        @NonNull @Description("Whether the graph has it yet.") ChangeStatus status,
        @NonNull @Description("Who made it: the token subject of the author, or system:<process> for the service.") String author,
        @NonNull @Description("When it was accepted (committed to the log).") Instant createdAt,
        @Description("When the graph first had it; null while PENDING.") Instant appliedAt,
        @NonNull @Description("What it did, in one line.") String summary,
        @Id @Description("The node or partnership it is about; null for dataset imports, which touch many.") String targetId,
        @Description("Why the graph refused it, for FAILED changes.") String error,
        @Description("For a change this request applied: send it back as the PartnerGraph-Bookmark header, and reads on "
                + "any replica wait until they see this write. Null otherwise.") String graphBookmark,
        @Ignore String documentId) {

    public long sequence() {
        return Long.parseLong(id);
    }

    public Change withGraphBookmark(String bookmark) {
        return new Change(id, kind, status, author, createdAt, appliedAt, summary, targetId, error, bookmark, documentId);
    }
}
