package org.partnergraph.dataset;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.partnergraph.change.ChangeKind;
import org.partnergraph.change.ChangeLog;
import org.partnergraph.change.Draft;
import org.partnergraph.security.Access;
import org.partnergraph.security.Roles;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Imports dataset bundles as one change each: validated as a whole against the ledger (every problem
 * reported at once), committed to the change log with its documents, then applied to the graph.
 * A bundle sent again with the same content finds its earlier change and writes nothing.
 */
@ApplicationScoped
public class DatasetService {

    private final ChangeLog changeLog;
    private final Access access;
    private final ObjectMapper json;

    DatasetService(ChangeLog changeLog, Access access, ObjectMapper json) {
        this.changeLog = changeLog;
        this.access = access;
        this.json = json;
    }

    /** importDataset: role editor. */
    public ImportReport importDataset(String bundleJson, boolean dryRun, String idempotencyKey) {
        access.require(Roles.EDITOR);
        return importBundle(bundleJson, dryRun, idempotencyKey, access.subject());
    }

    /**
     * @param idempotencyKey null to derive one from the bundle id and content
     * @param author         the token subject, or system:<process>
     */
    public ImportReport importBundle(String bundleJson, boolean dryRun, String idempotencyKey, String author) {
        ObjectNode root = parse(bundleJson);
        String bundleId = root.path("bundle").asText("?");
        if (dryRun) {
            Bundle bundle = changeLog.validate(ledger -> draft(root));
            return ImportReport.of(bundle, true, false, null);
        }
        String key = idempotencyKey != null || !root.path("bundle").isTextual() ? idempotencyKey
                : "dataset:" + bundleId + ":" + ChangeLog.sha256(bundleJson);
        ChangeLog.Accepted accepted = changeLog.submit(new ChangeLog.Submission(ChangeKind.IMPORT_DATASET, key, root, author,
                ledger -> draft(root)));
        if (accepted.replayed()) {
            int[] counts = changeLog.importCounts(accepted.change());
            return new ImportReport(bundleId, counts[0], counts[1], counts[2], false, true, accepted.change());
        }
        return ImportReport.of(accepted.bundle(), false, false, accepted.change());
    }

    private static Draft draft(ObjectNode root) {
        int nodes = BundleValidator.sectionLabels().keySet().stream().mapToInt(section -> root.path(section).size()).sum();
        String summary = "Imported bundle " + root.path("bundle").asText("?") + ": " + root.path("documents").size()
                + " documents, " + nodes + " nodes, " + root.path("relationships").size() + " stated relationships";
        return new Draft(root, null, summary.length() > 500 ? summary.substring(0, 500) : summary, null, List.of(), null);
    }

    private ObjectNode parse(String bundleJson) {
        JsonNode root;
        try {
            root = json.readTree(bundleJson);
        } catch (JsonProcessingException e) {
            // A number too long or nesting too deep for the reader's limits comes without a location.
            String where = e.getLocation() == null ? ": a number, a text or nesting beyond the reader's limits"
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new BundleRejectedException("?", List.of(new Problem("bundle", "(json)", "not valid JSON" + where)));
        }
        if (root == null || !root.isObject()) {
            throw new BundleRejectedException("?", List.of(new Problem("bundle", "(root)", "must be a JSON object")));
        }
        return (ObjectNode) root;
    }
}
