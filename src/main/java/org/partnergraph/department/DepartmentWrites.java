package org.partnergraph.department;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.partnergraph.change.ChangeKind;
import org.partnergraph.change.ChangeLog;
import org.partnergraph.change.ChangeStatus;
import org.partnergraph.change.Draft;
import org.partnergraph.change.Drafts;
import org.partnergraph.change.Ledger;
import org.partnergraph.common.BadUserInputException;
import org.partnergraph.dataset.Problem;
import org.partnergraph.security.Access;
import org.partnergraph.security.Roles;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Editors' writes to departments, through the change log. */
@ApplicationScoped
public class DepartmentWrites {

    private final ChangeLog changeLog;
    private final DepartmentService departments;
    private final Access access;

    DepartmentWrites(ChangeLog changeLog, DepartmentService departments, Access access) {
        this.changeLog = changeLog;
        this.departments = departments;
        this.access = access;
    }

    public DepartmentPayload add(DepartmentInput input, String idempotencyKey) {
        access.require(Roles.EDITOR);
        if (input == null) {
            throw new BadUserInputException("input: is required.");
        }
        ChangeLog.Accepted accepted = changeLog.submit(new ChangeLog.Submission(ChangeKind.ADD_DEPARTMENT,
                idempotencyKey, input, access.subject(), ledger -> draft(input, ledger)));
        Department department = accepted.change().status() == ChangeStatus.APPLIED
                ? departments.byId(accepted.change().targetId()).orElse(null)
                : null;
        return new DepartmentPayload(accepted.change(), department);
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
