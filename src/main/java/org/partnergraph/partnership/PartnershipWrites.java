package org.partnergraph.partnership;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.partnergraph.change.ChangeKind;
import org.partnergraph.change.ChangeLog;
import org.partnergraph.change.Draft;
import org.partnergraph.change.Drafts;
import org.partnergraph.fact.FactInput;
import org.partnergraph.fact.QuantityInput;
import org.partnergraph.change.Ledger;
import org.partnergraph.common.BadUserInputException;
import org.partnergraph.common.NotFoundException;
import org.partnergraph.dataset.Problem;
import org.partnergraph.timeline.CooperationStatus;
import org.partnergraph.timeline.PartialDate;
import org.partnergraph.timeline.StatusDrafts;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Editors' writes to partnerships, through the change log. Partnerships are ended, never deleted. */
@ApplicationScoped
public class PartnershipWrites {

    /** The kinds stated as relationships; PROGRAMME partnerships are derived from programmes. */
    static final Set<PartnershipKind> STATED = Set.of(PartnershipKind.PAIRED_WITH, PartnershipKind.SUPPORTS,
            PartnershipKind.CO_BUILDS);

    private final ChangeLog changeLog;
    private final PartnershipRepository partnerships;

    PartnershipWrites(ChangeLog changeLog, PartnershipRepository partnerships) {
        this.changeLog = changeLog;
        this.partnerships = partnerships;
    }

    public PartnershipPayload create(PartnershipInput input, String idempotencyKey) {
        return payload(changeLog.submitEdit(ChangeKind.CREATE_PARTNERSHIP, input, idempotencyKey,
                ledger -> createDraft(input, ledger)));
    }

    public PartnershipPayload end(EndPartnershipInput input, String idempotencyKey) {
        return payload(changeLog.submitEdit(ChangeKind.END_PARTNERSHIP, input, idempotencyKey,
                ledger -> endDraft(input, ledger)));
    }

    public PartnershipPayload setStatus(SetPartnershipStatusInput input, String idempotencyKey) {
        return payload(changeLog.submitEdit(ChangeKind.SET_PARTNERSHIP_STATUS, input, idempotencyKey,
                ledger -> statusDraft(input, ledger)));
    }

    private PartnershipPayload payload(ChangeLog.Accepted accepted) {
        return new PartnershipPayload(accepted.change(), ChangeLog.ifApplied(accepted, partnerships::byId));
    }

    private static Draft createDraft(PartnershipInput input, Ledger ledger) {
        List<Problem> problems = new ArrayList<>();
        if (!STATED.contains(input.kind)) {
            problems.add(new Problem("input", "type", "must be one of " + STATED + "; PROGRAMME partnerships come from "
                    + "programmes (upsertProgramme)"));
        } else if (input.until == null) {
            for (Ledger.Relationship existing : ledger.between(input.kind.name(), input.supporterId, input.supportedId)) {
                if (existing.active()) {
                    problems.add(new Problem("input", "to", "an active " + input.kind + " partnership from '"
                            + input.supporterId + "' to '" + input.supportedId + "' already exists (" + existing.id()
                            + "); end it first"));
                }
            }
        }
        if (input.status != null) {
            checkAgainstEnd(input.status, input.statusDate, null, input.until, problems);
        }
        String id = Drafts.newId("rel-" + (input.kind == null ? "partnership" : input.kind.name().toLowerCase().replace('_', '-')));
        ObjectNode row = Drafts.row();
        row.put("id", id);
        Drafts.put(row, "type", STATED.contains(input.kind) ? input.kind.name() : null);
        Drafts.put(row, "from", input.supporterId);
        Drafts.put(row, "to", input.supportedId);
        Drafts.put(row, "since", input.since);
        Drafts.put(row, "until", input.until);
        Drafts.put(row, "scheme", input.scheme);
        Drafts.put(row, "programme", input.programmeId);
        Drafts.cite(row, input.source);
        Drafts.put(row, "status", input.status == null ? null : input.status.name());
        Drafts.put(row, "statusDate", input.statusDate);
        Drafts.cite(row, "statusSources", input.statusSource);
        QuantityInput.put(row, input.quantities);
        FactInput.put(row, input.facts);
        String summary = "Created " + input.kind + " partnership " + id + ": " + input.supporterId + " → " + input.supportedId
                + (input.since == null ? "" : " since " + input.since);
        return new Draft(relationshipBundle("create-partnership", row), id, summary,
                input.source == null ? null : input.source.documentId, problems, Drafts.fieldNames("input.",
                        "type", "kind", "from", "supporterId", "to", "supportedId", "programme", "programmeId"));
    }

    private static Draft endDraft(EndPartnershipInput input, Ledger ledger) {
        List<Problem> problems = new ArrayList<>();
        Optional<Ledger.Relationship> found = ledger.relationship(input.id)
                .filter(r -> STATED.stream().anyMatch(kind -> kind.name().equals(r.type())));
        if (found.isEmpty()) {
            // Nothing to build a row from: report alone rather than a cascade about the missing row.
            throw new BadUserInputException("Invalid input, nothing written: input.id: no PAIRED_WITH, SUPPORTS or "
                    + "CO_BUILDS partnership has the id '" + input.id + "'.");
        }
        Ledger.Relationship partnership = found.get();
        if (!partnership.active()) {
            problems.add(new Problem("input", "id", "'" + input.id + "' already ended (" + partnership.until() + ")"));
        }
        ObjectNode row = partnership.row().deepCopy();
        row.put("until", input.until);
        row.put("endReason", input.reason);
        Drafts.cite(row, input.source);
        String summary = "Ended " + partnership.type() + " partnership " + input.id + " (" + partnership.fromId() + " → "
                + partnership.toId() + ") in " + input.until + ": " + input.reason;
        return new Draft(relationshipBundle("end-partnership", row), input.id,
                summary.length() > 500 ? summary.substring(0, 500) : summary,
                input.source == null ? null : input.source.documentId, problems,
                Drafts.fieldNames("input.", "endReason", "reason"));
    }

    /**
     * One more statement in the partnership's status history. A status is what a document says, the end is what
     * endPartnership records (until, reason): ENDED is refused for a partnership that has not ended (stating it
     * would not end it, and a silent end would skip the reason) or dated before its end, and after its end only
     * ENDED may be stated. An earlier date than those stated is accepted: a document found later may state an
     * earlier status; it takes its place in date order, and status stays the latest.
     */
    private static Draft statusDraft(SetPartnershipStatusInput input, Ledger ledger) {
        Ledger.Relationship partnership = ledger.relationship(input.partnershipId)
                .filter(r -> STATED.stream().anyMatch(kind -> kind.name().equals(r.type())))
                .orElseThrow(() -> new NotFoundException("input.partnershipId: no PAIRED_WITH, SUPPORTS or CO_BUILDS "
                        + "partnership has the id '" + input.partnershipId + "'."));
        List<Problem> problems = new ArrayList<>();
        StatusDrafts.checkDate(input.statusDate, problems);
        checkAgainstEnd(input.status, input.statusDate, input.partnershipId, partnership.until(), problems);
        ObjectNode row = partnership.row().deepCopy();
        StatusDrafts.add(row, input.status, input.statusDate, input.source);
        return new Draft(relationshipBundle("set-partnership-status", row), input.partnershipId,
                StatusDrafts.summary(partnership.type() + " partnership", input.partnershipId, input.status,
                        input.statusDate),
                input.source == null ? null : input.source.documentId, problems,
                StatusDrafts.fieldNames(Drafts.fieldNames("input.")));
    }

    /**
     * A stated status agrees with the end endPartnership records ({@code until}, null while it lasts): ENDED only
     * once it has ended and not dated before that, and after it only ENDED. A status never ends a partnership.
     */
    private static void checkAgainstEnd(CooperationStatus status, String date, String existingId, String until,
            List<Problem> problems) {
        boolean dated = date != null && PartialDate.valid(date);
        boolean endDated = until != null && PartialDate.valid(until);
        if (status == CooperationStatus.ENDED && until == null) {
            problems.add(new Problem("input", "status", existingId == null
                    ? "ENDED, but the partnership has not ended: give its until"
                    : "ENDED, but '" + existingId + "' has not ended: a status does not end a partnership; end it with "
                            + "endPartnership (until, reason), then state ENDED"));
        } else if (status == CooperationStatus.ENDED && dated && endDated
                && PartialDate.last(date).isBefore(PartialDate.first(until))) {
            problems.add(new Problem("input", "statusDate", "'" + date + "' is before the partnership ended (" + until + ")"));
        } else if (status != null && status != CooperationStatus.ENDED && dated && endDated
                && PartialDate.first(date).isAfter(PartialDate.last(until))) {
            problems.add(new Problem("input", "statusDate", "'" + date + "' is after the partnership ended (" + until
                    + "): only ENDED may be stated then"));
        }
    }

    private static ObjectNode relationshipBundle(String name, ObjectNode row) {
        return Drafts.bundle(name, "relationships", row);
    }
}
