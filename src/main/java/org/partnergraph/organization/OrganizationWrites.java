package org.partnergraph.organization;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.partnergraph.change.ChangeKind;
import org.partnergraph.change.ChangeLog;
import org.partnergraph.change.Draft;
import org.partnergraph.change.Drafts;
import org.partnergraph.change.Ledger;
import org.partnergraph.dataset.Problem;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Editors' writes to organisations, through the change log. */
@ApplicationScoped
public class OrganizationWrites {

    static final String LABEL = "Organization";

    private final ChangeLog changeLog;
    private final OrganizationService organizations;

    OrganizationWrites(ChangeLog changeLog, OrganizationService organizations) {
        this.changeLog = changeLog;
        this.organizations = organizations;
    }

    public OrganizationPayload upsert(OrganizationInput input, String idempotencyKey) {
        ChangeLog.Accepted accepted = changeLog.submitEdit(ChangeKind.UPSERT_ORGANIZATION, input, idempotencyKey,
                ledger -> draft(input, ledger));
        return new OrganizationPayload(accepted.change(), ChangeLog.ifApplied(accepted, organizations::byId));
    }

    private static Draft draft(OrganizationInput input, Ledger ledger) {
        List<Problem> problems = new ArrayList<>();
        String id = input.id != null ? input.id : Drafts.newId("org");
        Optional<ObjectNode> existing = ledger.upsertTarget(input.id, LABEL, "an organisation", problems);
        if (id.equals(input.parentId)) {
            problems.add(new Problem("input", "parent", "an organisation cannot be its own parent"));
        }
        ObjectNode row = existing.map(ObjectNode::deepCopy).orElseGet(Drafts::row);
        row.put("id", id);
        Drafts.put(row, "name", input.name);
        Drafts.put(row, "kind", input.kind == null ? null : input.kind.name());
        Drafts.put(row, "shortNames", input.shortNames);
        Drafts.put(row, "nameEn", input.nameEn);
        Drafts.put(row, "region", input.regionId);
        Drafts.put(row, "parent", input.parentId);
        Drafts.cite(row, input.source);
        String summary = (existing.isPresent() ? "Updated" : "Created") + " organisation " + id + " ("
                + Drafts.text(row, "name") + ")";
        return new Draft(Drafts.bundle("upsert-organization", "organizations", row), id, summary,
                input.source == null ? null : input.source.documentId, problems,
                Drafts.fieldNames("input.", "region", "regionId", "parent", "parentId"));
    }
}
