package org.partnergraph.programme;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.partnergraph.change.ChangeKind;
import org.partnergraph.change.ChangeLog;
import org.partnergraph.change.Draft;
import org.partnergraph.change.Drafts;
import org.partnergraph.fact.FactInput;
import org.partnergraph.fact.QuantityInput;
import org.partnergraph.change.Ledger;
import org.partnergraph.dataset.Problem;
import org.partnergraph.node.NodeService;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Editors' writes to programmes, through the change log. */
@ApplicationScoped
public class ProgrammeWrites {

    static final String LABEL = "Programme";

    private final ChangeLog changeLog;
    private final NodeService nodes;

    ProgrammeWrites(ChangeLog changeLog, NodeService nodes) {
        this.changeLog = changeLog;
        this.nodes = nodes;
    }

    public ProgrammePayload upsert(ProgrammeInput input, String idempotencyKey) {
        ChangeLog.Accepted accepted = changeLog.submitEdit(ChangeKind.UPSERT_PROGRAMME, input, idempotencyKey,
                ledger -> draft(input, ledger));
        return new ProgrammePayload(accepted.change(), ChangeLog.ifApplied(accepted,
                id -> nodes.byId(id).filter(Programme.class::isInstance).map(Programme.class::cast)));
    }

    private static Draft draft(ProgrammeInput input, Ledger ledger) {
        List<Problem> problems = new ArrayList<>();
        String id = input.id != null ? input.id : Drafts.newId("prog");
        Optional<ObjectNode> existing = ledger.upsertTarget(input.id, LABEL, "a programme", problems);
        ObjectNode row = existing.map(ObjectNode::deepCopy).orElseGet(Drafts::row);
        row.put("id", id);
        Drafts.put(row, "name", input.name);
        Drafts.put(row, "category", input.category == null ? null : input.category.name());
        Drafts.put(row, "mode", input.mode == null ? null : input.mode.name());
        Drafts.put(row, "modeLabel", input.modeLabel);
        Drafts.put(row, "year", input.year);
        Drafts.put(row, "fundingWan", input.fundingWan);
        Drafts.put(row, "selfFundedWan", input.selfFundedWan);
        Drafts.put(row, "participants", input.participants);
        Drafts.put(row, "duration", input.duration);
        Drafts.put(row, "date", input.date);
        Drafts.put(row, "endDate", input.endDate);
        Drafts.put(row, "dateQualifier", input.dateQualifier);
        Drafts.put(row, "endDateQualifier", input.endDateQualifier);
        Drafts.put(row, "progress", input.progress == null ? null : input.progress.name());
        Drafts.put(row, "partOf", input.partOfId);
        QuantityInput.put(row, input.quantities);
        FactInput.put(row, input.facts);
        Drafts.cite(row, input.source);
        ObjectNode bundle = Drafts.bundle("upsert-programme", "programmes", row);
        link(bundle, ledger, input, "RUNS", input.implementerIds, true, id);
        link(bundle, ledger, input, "TARGETS", input.targetIds, false, id);
        String summary = (existing.isPresent() ? "Updated" : "Created") + " programme " + id + " ("
                + Drafts.text(row, "name") + ")";
        return new Draft(bundle, id, summary.length() > 500 ? summary.substring(0, 500) : summary,
                input.source == null ? null : input.source.documentId, problems,
                Drafts.fieldNames("input.", "partOf", "partOfId", "from", "implementerIds", "to", "targetIds"));
    }

    /**
     * RUNS (implementer → programme) or TARGETS (programme → target) links. Their ids are derived from the
     * ends, so naming the same implementer twice, or again in a later update, adds a source, not a link.
     */
    private static void link(ObjectNode bundle, Ledger ledger, ProgrammeInput input, String type, List<String> others,
            boolean incoming, String programmeId) {
        if (others == null) {
            return;
        }
        for (String other : others.stream().distinct().toList()) {
            String from = incoming ? other : programmeId;
            String to = incoming ? programmeId : other;
            String id = Drafts.derivedId("rel-" + type.toLowerCase().replace('_', '-'), from + "|" + type + "|" + to);
            ObjectNode row = ledger.relationship(id).map(r -> r.row().deepCopy()).orElseGet(Drafts::row);
            row.put("id", id);
            row.put("type", type);
            row.put("from", from);
            row.put("to", to);
            Drafts.cite(row, input.source);
            Drafts.add(bundle, "relationships", row);
        }
    }
}
