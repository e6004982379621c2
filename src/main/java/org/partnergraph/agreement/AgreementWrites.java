package org.partnergraph.agreement;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.partnergraph.change.ChangeKind;
import org.partnergraph.change.ChangeLog;
import org.partnergraph.change.Draft;
import org.partnergraph.change.Drafts;
import org.partnergraph.change.Ledger;
import org.partnergraph.common.NotFoundException;
import org.partnergraph.dataset.Problem;
import org.partnergraph.node.NodeService;
import org.partnergraph.timeline.StatusDrafts;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Editors' writes to agreements, through the change log: statements of their status. */
@ApplicationScoped
class AgreementWrites {

    static final String LABEL = "Agreement";

    private final ChangeLog changeLog;
    private final NodeService nodes;

    AgreementWrites(ChangeLog changeLog, NodeService nodes) {
        this.changeLog = changeLog;
        this.nodes = nodes;
    }

    AgreementPayload setStatus(SetAgreementStatusInput input, String idempotencyKey) {
        ChangeLog.Accepted accepted = changeLog.submitEdit(ChangeKind.SET_AGREEMENT_STATUS, input, idempotencyKey,
                ledger -> statusDraft(input, ledger));
        return new AgreementPayload(accepted.change(), ChangeLog.ifApplied(accepted,
                id -> nodes.byId(id).filter(Agreement.class::isInstance).map(Agreement.class::cast)));
    }

    /** One more statement in the agreement's status history (see StatusDrafts); agreements have no end of their own. */
    private static Draft statusDraft(SetAgreementStatusInput input, Ledger ledger) {
        if (!LABEL.equals(ledger.labelsOf(List.of(input.agreementId)).get(input.agreementId))) {
            throw new NotFoundException("input.agreementId: no agreement has the id '" + input.agreementId + "'.");
        }
        List<Problem> problems = new ArrayList<>();
        StatusDrafts.checkDate(input.statusDate, problems);
        ObjectNode row = ledger.node(input.agreementId).orElseThrow().deepCopy();
        StatusDrafts.add(row, input.status, input.statusDate, input.source);
        return new Draft(Drafts.bundle("set-agreement-status", "agreements", row), input.agreementId,
                StatusDrafts.summary("agreement", input.agreementId, input.status, input.statusDate),
                input.source == null ? null : input.source.documentId, problems,
                StatusDrafts.fieldNames(Drafts.fieldNames("input.")));
    }
}
