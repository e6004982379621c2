package org.partnergraph.department;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.partnergraph.change.ChangeKind;
import org.partnergraph.change.ChangeLog;
import org.partnergraph.change.Draft;
import org.partnergraph.change.Drafts;
import org.partnergraph.change.Ledger;
import org.partnergraph.dataset.Problem;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Editors' writes to departments, through the change log. */
@ApplicationScoped
public class DepartmentWrites {

    private final ChangeLog changeLog;
    private final DepartmentService departments;

    DepartmentWrites(ChangeLog changeLog, DepartmentService departments) {
        this.changeLog = changeLog;
        this.departments = departments;
    }

    public DepartmentPayload add(DepartmentInput input, String idempotencyKey) {
        ChangeLog.Accepted accepted = changeLog.submitEdit(ChangeKind.ADD_DEPARTMENT, input, idempotencyKey,
                ledger -> draft(input, ledger));
        return new DepartmentPayload(accepted.change(), ChangeLog.ifApplied(accepted, departments::byId));
    }

    private static Draft draft(DepartmentInput input, Ledger ledger) {
        List<Problem> problems = new ArrayList<>();
        String id = input.id != null ? input.id : Drafts.newId("dept");
        String label = ledger.labelsOf(List.of(id)).get(id);
        if (label != null) {
            problems.add(new Problem("input", "id", "'" + id + "' already exists (a " + label + "); departments are "
                    + "added, not replaced"));
        }
        ObjectNode row = Drafts.row();
        row.put("id", id);
        Drafts.put(row, "name", input.name);
        Drafts.put(row, "shortNames", input.shortNames);
        Drafts.put(row, "nameEn", input.nameEn);
        Drafts.put(row, "organization", input.organizationId);
        Drafts.cite(row, input.source);
        return new Draft(Drafts.bundle("add-department", "departments", row), id,
                "Added department " + id + " (" + input.name + ") to " + input.organizationId,
                input.source == null ? null : input.source.documentId, problems,
                Drafts.fieldNames("input.", "organization", "organizationId"));
    }
}
